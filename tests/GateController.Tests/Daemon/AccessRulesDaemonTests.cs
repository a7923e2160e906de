using System.Globalization;
using System.Text.Json.Nodes;

namespace GateController.Tests.Daemon;

/// <summary>
/// Groups and validity through the real daemon and gatectl: a card refused outside its group's window and
/// outside its validity, and granted inside, with the reasons in the event stream; bad input gets gatectl's exit codes.
/// The site zone is UTC so the windows can be chosen around the real clock.
/// </summary>
[NonParallelizable]
public sealed class AccessRulesDaemonTests
{
    private string _directory = "";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemon()
    {
        _directory = Directory.CreateTempSubdirectory("gate-rules-").FullName;
        var emptyCache = Directory.CreateDirectory(Path.Combine(_directory, "empty-cache")).FullName;
        _daemon = await DaemonProcess.StartAsync(
            Path.Combine(_directory, "data"),
            "--camera", "/nonexistent/dir",
            "--set", $"Vision:Models:CacheDirectory={emptyCache}",
            "--set", $"Vision:Models:MirrorDirectory={emptyCache}",
            "--set", "Vision:Models:DownloadFromSource=false",
            "--set", "Access:TimeZone=UTC");
        await Gatectl("person", "add", "--id", "R-1", "--name", "Resident");
        await Gatectl("card", "add", "--id", "R-1", "--card", "H10301:13:13067");
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task A_card_is_refused_outside_its_groups_window_and_validity_and_granted_inside()
    {
        var hour = DateTimeOffset.UtcNow.Hour;
        // Two hours ahead for one hour: the test takes seconds, so "now" stays outside it.
        var closed = $"{(hour + 2) % 24:00}:00-{(hour + 3) % 24:00}:00";
        await Gatectl("group", "add", "later", "--window", closed);
        await Gatectl("group", "add", "always", "--window", "daily 00:00-24:00");

        await Gatectl("person", "set", "R-1", "--group", "later");
        var outside = await Swipe();
        await Gatectl("person", "set", "R-1", "--group", "always");
        var inside = await Swipe();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Gatectl("person", "set", "R-1", "--valid-until", yesterday);
        var expired = await Swipe();
        await Gatectl("person", "set", "R-1", "--valid-until", "none");
        var valid = await Swipe();

        Assert.That(outside.StandardOutput, Does.Contain("denied (outsideSchedule)"));
        Assert.That(inside.StandardOutput, Does.Contain("granted (card) for R-1"));
        Assert.That(expired.StandardOutput, Does.Contain("denied (notValid)"));
        Assert.That(valid.StandardOutput, Does.Contain("granted (card) for R-1"));
        var reasons = (await Events()).Where(e => e["person"]?.GetValue<string>() == "R-1").Select(e => e["reason"]!.GetValue<string>()).TakeLast(4);
        Assert.That(reasons, Is.EqualTo(new[] { "outsideSchedule", "card", "notValid", "card" }));

        var show = await Gatectl("person", "show", "R-1");
        var groups = await Gatectl("group", "show", "always", "--json");
        Assert.That(show.StandardOutput, Does.Contain("access groups: always; valid from any date until no end"));
        Assert.That(JsonNode.Parse(groups.StandardOutput)!["members"]!.GetValue<int>(), Is.EqualTo(1));
        var inUse = await _daemon.GatectlAsync("group", "remove", "always");
        Assert.That((inUse.ExitCode, inUse.StandardError), Is.EqualTo((1, "gatectl: Access group 'always' still has 1 member(s); move them to another group first (gatectl person set ID --group G), so nobody is left in no group.\n")));
    }

    [TestCase(new[] { "group", "add", "bad", "--window", "Mon-Fri 8-18" }, 2, "is not a time range")]
    [TestCase(new[] { "group", "add", "bad", "--window", "Someday 08:00-09:00" }, 2, "is not a day")]
    [TestCase(new[] { "person", "set", "R-1", "--valid-from", "01.02.2026" }, 2, "--valid-from '01.02.2026' is not a date")]
    [TestCase(new[] { "person", "set", "R-1", "--group", "no-such-group" }, 4, "Access group 'no-such-group' does not exist")]
    [TestCase(new[] { "person", "set", "Z-404", "--valid-until", "2027-01-01" }, 4, "Person 'Z-404' does not exist")]
    [TestCase(new[] { "group", "remove", "no-such-group" }, 4, "does not exist")]
    [TestCase(new[] { "person", "set", "R-1", "--valid-from", "2027-02-01", "--valid-until", "2027-01-01" }, 1, "is before valid-from")]
    public async Task Bad_input_gets_one_clear_message_and_the_documented_exit_code(string[] arguments, int exitCode, string message)
    {
        var result = await _daemon.GatectlAsync(arguments);

        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString());
        Assert.That(result.StandardError, Does.Contain(message));
    }

    [Test]
    public async Task The_daemon_refuses_an_unknown_time_zone_at_start_with_exit_78()
    {
        var dataDirectory = Path.Combine(_directory, "bad-zone");
        Directory.CreateDirectory(dataDirectory);
        var result = await DotnetProcess.RunAsync("gate-controller",
            ["--simulate", "--data-dir", dataDirectory, "--socket", Path.Combine(dataDirectory, "admin.sock"), "--set", "Access:TimeZone=Mars/Olympus_Mons"]);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.ToString());
        Assert.That(result.StandardError, Does.Contain("Access:TimeZone: 'Mars/Olympus_Mons' is not a time zone this system knows"));
    }

    /// <summary>
    /// The simulated reader plays real-timed Wiegand pulses; on a machine loaded far beyond its cores a late edge can
    /// split the frame, which the reader rejects before any decision. Only that is retried, never a decision.
    /// </summary>
    private async Task<ProcessResult> Swipe()
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await Gatectl("sim", "card", "H10301:13:13067");
            if (!result.StandardOutput.Contains("no decision", StringComparison.Ordinal) || attempt == 5)
            {
                return result;
            }
        }
    }

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
}
