namespace GateController.Tests.Daemon;

/// <summary>
/// The real daemon on bad configuration files: one keyed message, exit 78 (EX_CONFIG, not retried by systemd),
/// and nothing created (no key, no store, no socket). <c>gatectl config check</c> says the same offline.
/// </summary>
public sealed class ConfigurationStartupTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-config-daemon-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private static string DataDirectory(string root) => Path.Combine(root, "data");

    private string WriteConfig(string json)
    {
        var file = Path.Combine(_directory, "config.json");
        File.WriteAllText(file, json);
        return file;
    }

    private Task<ProcessResult> StartDaemonAsync(string configFile) => DotnetProcess.RunAsync(
        "gate-controller",
        ["--simulate", "--data-dir", DataDirectory(_directory), "--socket", Path.Combine(_directory, "admin.sock"), "--config", configFile]);

    [TestCase("""{ "Relay": { "Pin": "seventeen" } }""", "Relay:Pin is 'seventeen'; expected a whole number between 0 and 1023")]
    [TestCase("""{ "Door": { "HoldOpenDuraton": "00:00:05" } }""", "Door:HoldOpenDuraton is not a setting the daemon knows; did you mean Door:HoldOpenDuration?")]
    [TestCase("""{ "Face": { "MatchThreshold": 1.7 } }""", "Face:MatchThreshold must be between 0 and 1; it is 1.7")]
    [TestCase("""{ "Access": { "Doors": [ { "Door": 1, "Windows": [ { "When": "Mon-Sun 00:00-24:00", "Methods": [ "Face" ] } ] } ] } }""",
        "Access:Doors:0:Windows:0 (00:00-24:00) allows only Face")]
    public async Task A_bad_file_ends_start_up_with_one_keyed_message_exit_78_and_nothing_created(string json, string expected)
    {
        var file = WriteConfig(json);

        var daemon = await StartDaemonAsync(file);
        var check = await DotnetProcess.RunAsync("gatectl", ["config", "check", "--simulate", file]);

        var message = $"{expected}";
        Assert.That(daemon.ExitCode, Is.EqualTo(78), daemon.ToString());
        var lines = daemon.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), daemon.ToString());
        Assert.That(lines[0], Does.StartWith($"gate-controller: configuration error: {message}").And.EndWith($"(in {file})"));
        Assert.That(daemon.StandardOutput, Is.Empty, "no log line: nothing started");
        Assert.That(Directory.Exists(DataDirectory(_directory)), Is.False, "no data directory, key file or store");
        Assert.That(File.Exists(Path.Combine(_directory, "admin.sock")), Is.False, "no socket");

        Assert.That(check.ExitCode, Is.EqualTo(78), check.ToString());
        Assert.That(check.StandardError.Trim(), Is.EqualTo(lines[0].Replace("gate-controller:", "gatectl:", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_misspelled_environment_variable_is_named_as_such()
    {
        var info = DotnetProcess.StartInfo(
            "gate-controller", ["--simulate", "--data-dir", DataDirectory(_directory), "--socket", Path.Combine(_directory, "admin.sock")]);
        info.Environment["GATE_Door__HoldOpenDuraton"] = "00:00:05";
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(process.ExitCode, Is.EqualTo(78), error);
        Assert.That(error.Trim(), Does.EndWith("did you mean Door:HoldOpenDuration? (environment variable GATE_Door__HoldOpenDuraton)"));
        Assert.That(Directory.Exists(DataDirectory(_directory)), Is.False);
    }

    [Test]
    public async Task Config_check_passes_a_good_file_with_exit_0()
    {
        var file = WriteConfig("""{ "Readers": [ { "Id": "front", "Data0Pin": 23, "Data1Pin": 24 } ], "Door": { "HoldOpenDuration": "00:00:05" } }""");

        var check = await DotnetProcess.RunAsync("gatectl", ["config", "check", file]);

        Assert.That(check.ExitCode, Is.Zero, check.ToString());
        Assert.That(check.StandardOutput, Does.Contain("the daemon would start with this configuration"));
    }
}
