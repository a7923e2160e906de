namespace GateController.Tests.Daemon;

public sealed class DaemonStartupTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-daemon-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Unknown_argument_stops_start_up_with_usage_and_exit_code_64()
    {
        var result = await DotnetProcess.RunAsync("gate-controller", ["--simulate", "--frobnicate"]);

        Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
        Assert.That(result.StandardError, Does.Contain("unknown argument '--frobnicate'").And.Contain("usage: gate-controller"));
    }

    [Test]
    public async Task Missing_config_file_is_named_in_the_error()
    {
        var missing = Path.Combine(_directory, "nope.json");
        var result = await DotnetProcess.RunAsync("gate-controller", ["--simulate", "--config", missing]);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.ToString());
        Assert.That(result.StandardError, Does.Contain($"config file {missing} does not exist"));
    }

    [Test]
    public async Task Out_of_range_option_names_the_key_and_the_allowed_values()
    {
        var result = await DotnetProcess.RunAsync(
            "gate-controller",
            ["--simulate", "--data-dir", _directory, "--socket", Path.Combine(_directory, "a.sock"), "--set", "Face:MatchThreshold=1.7"]);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.ToString());
        Assert.That(result.StandardError, Does.Contain("MatchThreshold").And.Contain("between 0 and 1"));
    }

    [Test]
    public async Task Status_is_served_on_the_unix_socket_with_owner_and_group_access_only()
    {
        await using var daemon = await DaemonProcess.StartAsync(_directory);

        var status = await daemon.GatectlAsync("status", "--json");

        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        Assert.That(status.StandardOutput, Does.Contain("\"simulate\":true"));
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(status.StandardOutput)!["uptimeSeconds"]!.GetValue<double>(), Is.GreaterThan(0), "uptime counts from start-up");
        var mode = File.GetUnixFileMode(daemon.SocketPath);
        Assert.That(mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute), Is.EqualTo(UnixFileMode.None));
        Assert.That(await daemon.StopAsync(), Is.Zero, daemon.Log);
    }

    [Test]
    public async Task Gatectl_explains_when_no_daemon_listens_on_the_socket()
    {
        var result = await DotnetProcess.RunAsync("gatectl", ["--socket", Path.Combine(_directory, "none.sock"), "status"]);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.StandardError, Does.Contain("cannot reach gate-controller").And.Contain("there is no socket there"));
    }
}
