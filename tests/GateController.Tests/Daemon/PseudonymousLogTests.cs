using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using GateController.Tests.Vision;

namespace GateController.Tests.Daemon;

/// <summary>
/// A resident's whole life on the real daemon (added, card, PIN, duress PIN, face, validity; granted by face, card
/// and PIN, a soft anti-passback repeat, a duress PIN; erased) leaves their id and name in no log line and no
/// journald entry. The log lines carry the same pseudonym as journald's GATE_PERSON, so one resident can still be
/// followed across both.
/// </summary>
[NonParallelizable]
public sealed partial class PseudonymousLogTests
{
    private const string Resident = "Z-7741";
    private const string Name = "Qiao Wenjing";

    [Test]
    public async Task Enrol_grant_and_erase_leave_neither_id_nor_name_in_the_log_or_the_journal()
    {
        var directory = Directory.CreateTempSubdirectory("gate-pseudonyms-").FullName;
        try
        {
            var (log, journal) = await RunResidentLifeAsync(directory);

            Assert.That(log, Does.Not.Contain(Resident).And.Not.Contain(Name));
            Assert.That(journal, Has.None.Contain(Resident).And.None.Contain(Name));
            // The lines that used to name the resident did run: added, card, PIN, access set, enrolled, duress (core and
            // alarm), anti-passback, erased, receipt.
            foreach (var eventId in new[] { 3010, 3050, 3052, 3092, 3020, 4002, 4201, 1100, 3011, 3070 })
            {
                Assert.That(log, Does.Contain($"[{eventId}]"), $"event {eventId} was logged");
            }

            var pseudonym = AddedLine().Match(log).Groups["pseudonym"].Value;
            Assert.That(journal, Has.Some.Contain($"GATE_PERSON={pseudonym}"), "journald's pseudonym is the log's");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(string Log, IReadOnlyList<string> Journal)> RunResidentLifeAsync(string directory)
    {
        var camera = Directory.CreateDirectory(Path.Combine(directory, "camera")).FullName;
        File.Copy(FaceData.PathOf("negatives/brick.png"), Path.Combine(camera, "0001.png"));
        using var journald = new FakeJournald(Path.Combine(directory, "journal.sock"));
        var daemon = await DaemonProcess.StartAsync(
            Path.Combine(directory, "data"),
            "--camera", camera,
            "--set", $"Journal:SocketPath={journald.SocketPath}",
            "--set", "Readers:0:Id=front", "--set", "Readers:0:Data0Pin=23", "--set", "Readers:0:Data1Pin=24",
            "--set", "Readers:1:Id=back", "--set", "Readers:1:Data0Pin=25", "--set", "Readers:1:Data1Pin=26",
            "--set", "Keypads:0:Id=lobby", "--set", "Keypads:0:Kind=wiegand8", "--set", "Keypads:0:Data0Pin=5", "--set", "Keypads:0:Data1Pin=6",
            "--set", "Access:AntiPassback:Mode=Soft", "--set", "Access:AntiPassback:Pairs:0:Entry=front", "--set", "Access:AntiPassback:Pairs:0:Exit=back");
        await using (daemon)
        {
            await WaitForFacePathAsync(daemon);
            await Succeeds(daemon, "person", "add", "--id", Resident, "--name", Name);
            await Succeeds(daemon, "card", "add", "--id", Resident, "--card", "H10301:13:13067");
            await Succeeds(daemon.GatectlWithInputAsync("2580\n", "pin", "set", "--id", Resident));
            await Succeeds(daemon.GatectlWithInputAsync("1397\n", "pin", "set", "--id", Resident, "--duress"));
            await Succeeds(daemon, "person", "set", Resident, "--valid-until", "2099-12-31");
            await Succeeds(daemon, "face", "enroll", "--id", Resident, "--consent", "paper form 2026-900", FaceData.PathOf("deepface_01/01.jpg"));

            Assert.That((await Succeeds(daemon, "identify", "--json", FaceData.PathOf("deepface_01/02.jpg"))).StandardOutput, Does.Contain("granted"));
            Assert.That(await DecidedAsync(daemon, "sim", "card", "H10301:13:13067", "--reader", "front"), Does.Contain("granted"));
            Assert.That(await DecidedAsync(daemon, "sim", "card", "H10301:13:13067", "--reader", "front"), Does.Contain("granted"), "soft anti-passback");
            Assert.That(await DecidedAsync(daemon, "sim", "keys", "2580#", "--keypad", "lobby"), Does.Contain("granted"));
            Assert.That(await DecidedAsync(daemon, "sim", "keys", "1397#", "--keypad", "lobby"), Does.Contain("granted"), "duress grants as usual");
            await Succeeds(daemon, "person", "delete", Resident);
            Assert.That(await daemon.StopAsync(), Is.Zero, daemon.Log);
            return (daemon.Log, journald.Entries);
        }
    }

    /// <summary>
    /// A simulated swipe or PIN, sent again when the real-timed pulse train was split on a loaded machine ("no decision"):
    /// this test is about what the log says of a decision, the Wiegand timing has tests of its own.
    /// </summary>
    private static async Task<string> DecidedAsync(DaemonProcess daemon, params string[] arguments)
    {
        var output = "";
        for (var attempt = 0; attempt < 3 && (attempt == 0 || output.Contains("no decision", StringComparison.Ordinal)); attempt++)
        {
            output = (await Succeeds(daemon, arguments)).StandardOutput;
        }

        return output;
    }

    private static Task<ProcessResult> Succeeds(DaemonProcess daemon, params string[] arguments) => Succeeds(daemon.GatectlAsync(arguments));

    private static async Task<ProcessResult> Succeeds(Task<ProcessResult> command)
    {
        var result = await command;
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result;
    }

    private static async Task WaitForFacePathAsync(DaemonProcess daemon)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var status = JsonNode.Parse((await daemon.GatectlAsync("status", "--json")).StandardOutput)!;
            if (status["face"]?["state"]?.GetValue<string>() == "healthy")
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the face path did not become healthy");
    }

    [GeneratedRegex(@"Person (?<pseudonym>[0-9a-f]{16}) added")]
    private static partial Regex AddedLine();
}
