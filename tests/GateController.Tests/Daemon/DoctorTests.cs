using System.Text.Json.Nodes;
using GateController.Cli.Doctor;
using Microsoft.Extensions.Configuration;

namespace GateController.Tests.Daemon;

/// <summary><c>gatectl doctor</c> against the real daemon and real files: each check's outcome, and a fix for every failure.</summary>
public sealed class DoctorTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-doctor-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private static Dictionary<string, JsonNode> Findings(ProcessResult result) =>
        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)
            .GroupBy(f => f["check"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Last());

    [Test]
    public async Task With_the_daemon_running_the_camera_models_and_store_pass_and_every_failure_says_how_to_fix_it()
    {
        var config = Path.Combine(_directory, "config.json");
        File.WriteAllText(config, """{ "Door": { "HoldOpenDuration": "00:00:05" } }""");
        await using var daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--config", config);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var result = await daemon.GatectlAsync("doctor", "--config", config, "--simulate", "--json");

        var findings = Findings(result);
        Assert.That(findings["config"]["outcome"]!.GetValue<string>(), Is.EqualTo("pass"), result.ToString());
        Assert.That(findings["gpio"]["outcome"]!.GetValue<string>(), Is.EqualTo("skip"));
        Assert.That(findings["models"]["outcome"]!.GetValue<string>(), Is.EqualTo("pass"));
        Assert.That(findings["store"]["outcome"]!.GetValue<string>(), Is.EqualTo("pass"));
        Assert.That(findings["disk"]["outcome"]!.GetValue<string>(), Is.EqualTo("pass"));
        Assert.That(findings.Values.Where(f => f["outcome"]!.GetValue<string>() == "fail").Select(f => f["fix"]?.GetValue<string>()), Has.All.Not.Null.And.All.Not.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(findings.Values.Any(f => f["outcome"]!.GetValue<string>() == "fail") ? 1 : 0));
    }

    [Test]
    public async Task A_damaged_model_and_a_bad_config_fail_with_their_fixes()
    {
        var cache = Directory.CreateDirectory(Path.Combine(_directory, "cache")).FullName;
        File.WriteAllBytes(Path.Combine(cache, "face_detection_yunet_2023mar_dynamic.onnx"), new byte[100]);
        var config = Path.Combine(_directory, "config.json");
        File.WriteAllText(config, $$"""{ "Vision": { "Models": { "CacheDirectory": "{{cache}}" } }, "Relay": { "Pinn": 17 } }""");

        var result = await DotnetProcess.RunAsync("gatectl", ["--socket", Path.Combine(_directory, "none.sock"), "doctor", "--config", config, "--simulate", "--json"]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.That(lines.Any(f => f["check"]!.GetValue<string>() == "config" && f["detail"]!.GetValue<string>().Contains("Relay:Pinn", StringComparison.Ordinal)));
        var model = lines.First(f => f["check"]!.GetValue<string>() == "models");
        Assert.That(model["detail"]!.GetValue<string>(), Does.Contain("100 bytes"));
        Assert.That(model["fix"]!.GetValue<string>(), Does.Contain("gatectl models fetch"));
    }

    [Test]
    public void Every_configured_gpio_line_is_found_with_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Relay:Pin"] = "17", ["Door:Contact:Pin"] = "25", ["Readers:0:Data0Pin"] = "23", ["Keypads:0:RowPins:1"] = "19",
            ["Readers:1:ResetPin"] = "-1", ["Face:MatchThreshold"] = "0.45",
        }).Build();

        var lines = new DoctorContext("config.json", configuration, null).ConfiguredLines();

        Assert.That(lines, Is.EqualTo(new[] { ("Door:Contact:Pin", 25), ("Keypads:0:RowPins:1", 19), ("Readers:0:Data0Pin", 23), ("Relay:Pin", 17) }));
    }
}
