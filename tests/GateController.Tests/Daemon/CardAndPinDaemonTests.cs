using System.Text.Json.Nodes;

namespace GateController.Tests.Daemon;

/// <summary>
/// Card and PIN are equal ways in: the real daemon, with its camera source dead and its model files
/// missing, still grants a card and a PIN through real-timed Wiegand pulse trains on the simulated chip.
/// One daemon for the fixture; each test uses its own person, and the lockout test its own keypad.
/// </summary>
[NonParallelizable]
public sealed class CardAndPinDaemonTests
{
    private string _directory = "";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemonWithoutCameraOrModels()
    {
        _directory = Directory.CreateTempSubdirectory("gate-access-").FullName;
        var emptyCache = Directory.CreateDirectory(Path.Combine(_directory, "empty-cache")).FullName;
        var emptyMirror = Directory.CreateDirectory(Path.Combine(_directory, "empty-mirror")).FullName;
        _daemon = await DaemonProcess.StartAsync(
            Path.Combine(_directory, "data"),
            "--camera", "/nonexistent/dir",
            "--set", $"Vision:Models:CacheDirectory={emptyCache}",
            "--set", $"Vision:Models:MirrorDirectory={emptyMirror}",
            "--set", "Vision:Models:DownloadFromSource=false",
            "--set", "Readers:0:Id=front", "--set", "Readers:0:Kind=wiegand", "--set", "Readers:0:Data0Pin=23", "--set", "Readers:0:Data1Pin=24",
            "--set", "Keypads:0:Id=lobby", "--set", "Keypads:0:Kind=wiegand8", "--set", "Keypads:0:Data0Pin=5", "--set", "Keypads:0:Data1Pin=6",
            "--set", "Keypads:1:Id=garage", "--set", "Keypads:1:Kind=wiegand4", "--set", "Keypads:1:Data0Pin=7", "--set", "Keypads:1:Data1Pin=8");
        await Gatectl("person", "add", "--id", "A-1", "--name", "Alice");
        await Gatectl("card", "add", "--id", "A-1", "--card", "H10301:13:13067");
        await GatectlWithInput("2580\n", "pin", "set", "--id", "A-1");
        await GatectlWithInput("1397\n", "pin", "set", "--id", "A-1", "--duress");
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task The_face_path_is_really_down_while_the_tests_run()
    {
        var status = JsonNode.Parse((await Gatectl("status", "--json")).StandardOutput)!;

        Assert.That(status["camera"]!["state"]!.GetValue<string>(), Is.Not.EqualTo("healthy"));
        Assert.That(status["face"]!["state"]!.GetValue<string>(), Is.EqualTo("failed"), status.ToJsonString());
        Assert.That(status["readers"]!["front"]!["state"]!.GetValue<string>(), Is.EqualTo("listening"));
        Assert.That(status["door"]!["relay"], Is.Not.Null);
    }

    [Test]
    public async Task An_enrolled_card_grants_without_camera_or_models()
    {
        var swipe = await SwipeUntilDecided("H10301:13:13067");

        Assert.That(swipe.StandardOutput, Does.Contain("granted (card) for A-1"));
        var decision = await LastEvent("front");
        Assert.That((decision["method"]!.GetValue<string>(), decision["person"]!.GetValue<string>(), decision["result"]!.GetValue<string>()),
            Is.EqualTo(("card", "A-1", "granted")));
        Assert.That(_daemon.Log, Does.Not.Contain("13067"), "the card number is never logged");
    }

    [Test]
    public async Task A_pin_grants_without_camera_or_models()
    {
        var typed = await Gatectl("sim", "keys", "2580#", "--keypad", "lobby");

        Assert.That(typed.StandardOutput, Does.Contain("granted (pin) for A-1"));
        var decision = await LastEvent("lobby");
        Assert.That((decision["method"]!.GetValue<string>(), decision["result"]!.GetValue<string>()), Is.EqualTo(("pin", "granted")));
    }

    [Test]
    public async Task A_bad_parity_frame_never_grants()
    {
        // H10301:13:13067 is 1 00001101 0011001100001011 0; here its odd parity bit is flipped.
        const string BadParity = "1" + "00001101" + "0011001100001011" + "1";
        var before = JsonNode.Parse((await Gatectl("status", "--json")).StandardOutput)!;
        var eventsBefore = (await Events()).Count;

        var swipe = await Gatectl("sim", "card", "--bits", BadParity);

        var after = JsonNode.Parse((await Gatectl("status", "--json")).StandardOutput)!;
        Assert.That(swipe.StandardOutput, Does.Contain("no decision"));
        Assert.That(after["readers"]!["front"]!["framesRejected"]!.GetValue<long>(), Is.EqualTo(before["readers"]!["front"]!["framesRejected"]!.GetValue<long>() + 1));
        Assert.That(after["door"]!["pulses"]!.GetValue<long>(), Is.EqualTo(before["door"]!["pulses"]!.GetValue<long>()), "the relay did not move");
        Assert.That((await Events()).Count, Is.EqualTo(eventsBefore), "a rejected frame never reaches the engine");
        Assert.That(_daemon.Log, Does.Contain("rejected a 26-bit frame: BadParity"));
    }

    [Test]
    public async Task A_duress_pin_grants_like_the_pin_and_raises_a_silent_duress_alert()
    {
        var typed = await Gatectl("sim", "keys", "1397#", "--keypad", "lobby");

        Assert.That(typed.StandardOutput, Does.Contain("granted (pin) for A-1"), "the event looks exactly like the everyday PIN");
        var status = JsonNode.Parse((await Gatectl("status", "--json")).StandardOutput)!;
        Assert.That(status["duress"]!["alerts"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
        Assert.That(status["duress"]!["lastKeypad"]!.GetValue<string>(), Is.EqualTo("lobby"));
        Assert.That(_daemon.Log, Does.Match("DURESS: silent alert for person [0-9a-f]{16} at keypad lobby"), "the person by pseudonym, never by id");
    }

    [Test]
    public async Task Five_wrong_pins_lock_that_keypad_while_the_card_reader_still_grants()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.That((await Gatectl("sim", "keys", "9157#", "--keypad", "garage")).StandardOutput, Does.Contain("denied (wrong pin)"));
        }

        var locked = await Gatectl("sim", "keys", "2580#", "--keypad", "garage");
        var card = await Gatectl("sim", "card", "H10301:13:13067");
        var otherKeypad = await Gatectl("sim", "keys", "2580#", "--keypad", "lobby");

        Assert.That(locked.StandardOutput, Does.Contain("lockedOut"), "even the right PIN is refused while locked");
        Assert.That(card.StandardOutput, Does.Contain("granted (card) for A-1"));
        Assert.That(otherKeypad.StandardOutput, Does.Contain("granted (pin)"), "only the attacked keypad is locked");
        var lockedEvent = await LastEvent("garage");
        Assert.That((lockedEvent["method"]!.GetValue<string>(), lockedEvent["result"]!.GetValue<string>()), Is.EqualTo(("pin", "lockedOut")));
        Assert.That(_daemon.Log, Does.Contain("Keypad garage is locked out after repeated wrong PINs"));
        var status = JsonNode.Parse((await Gatectl("status", "--json")).StandardOutput)!;
        Assert.That(status["readers"]!["garage"]!["lockedOut"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task A_trivial_pin_is_refused_with_a_clear_message_and_never_from_the_command_line()
    {
        var trivial = await GatectlWithInput("1234\n", false, "pin", "set", "--id", "A-1");
        var onArgv = await _daemon.GatectlAsync("pin", "set", "--id", "A-1", "--pin", "2580");

        Assert.That(trivial.ExitCode, Is.Not.Zero);
        Assert.That(trivial.StandardError, Does.Contain("run up or down the keypad"));
        Assert.That(onArgv.ExitCode, Is.Not.Zero, "there is no --pin option");
        Assert.That((await Gatectl("sim", "keys", "2580#", "--keypad", "lobby")).StandardOutput, Does.Contain("granted"), "the old PIN still holds");
    }

    private async Task<JsonNode> LastEvent(string reader) =>
        (await Events()).Last(e => e["reader"]!.GetValue<string>() == reader);

    private async Task<List<JsonNode>> Events()
    {
        var output = (await Gatectl("events", "--json")).StandardOutput;
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    private async Task<ProcessResult> Gatectl(params string[] arguments)
    {
        var result = await _daemon.GatectlAsync(arguments);
        Assert.That(result.ExitCode, Is.Zero, $"gatectl {string.Join(' ', arguments)}: {result}\n{_daemon.Log}");
        return result;
    }

    private Task<ProcessResult> GatectlWithInput(string input, params string[] arguments) => GatectlWithInput(input, true, arguments);

    private async Task<ProcessResult> GatectlWithInput(string input, bool expectSuccess, params string[] arguments)
    {
        var result = await _daemon.GatectlWithInputAsync(input, arguments);
        if (expectSuccess)
        {
            Assert.That(result.ExitCode, Is.Zero, $"gatectl {string.Join(' ', arguments)}: {result}");
        }

        return result;
    }

    /// <summary>
    /// The simulated reader plays real-timed Wiegand pulses; on a machine loaded far beyond its cores a late edge can
    /// split the frame, which the reader rejects before any decision. Only that is retried, never a decision.
    /// </summary>
    private async Task<ProcessResult> SwipeUntilDecided(string card)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await Gatectl("sim", "card", card);
            if (!result.StandardOutput.Contains("no decision", StringComparison.Ordinal) || attempt == 5)
            {
                return result;
            }
        }
    }
}
