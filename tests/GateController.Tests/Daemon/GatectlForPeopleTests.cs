using System.Text.Json.Nodes;

namespace GateController.Tests.Daemon;

/// <summary><c>gatectl person list</c> on the real daemon, and what gatectl says of itself: version, exit codes, completion.</summary>
[NonParallelizable]
public sealed class GatectlForPeopleTests
{
    private string _directory = "";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemonWithResidents()
    {
        _directory = Directory.CreateTempSubdirectory("gate-people-").FullName;
        _daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--set", "Face:Enabled=false", "--set", "Access:TimeZone=Asia/Shanghai");
        await Succeeds("person", "add", "--id", "A-1", "--name", "Li Wei");
        await Succeeds("card", "add", "--id", "A-1", "--card", "H10301:13:13067");
        await Succeeds(_daemon.GatectlWithInputAsync("2580\n", "pin", "set", "--id", "A-1"));
        await Succeeds("person", "add", "--id", "B-2", "--name", "Wang Fang");
        await Succeeds("person", "set", "B-2", "--valid-from", "2026-01-01", "--valid-until", "2026-06-30");
        for (var attempt = 0; attempt < 3 && !(await Succeeds("sim", "card", "H10301:13:13067")).StandardOutput.Contains("granted", StringComparison.Ordinal); attempt++)
        {
            // A real-timed pulse train can be split on a loaded machine; the list is what is tested here.
        }
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<ProcessResult> Succeeds(params string[] arguments) => Succeeds(_daemon.GatectlAsync(arguments));

    private static async Task<ProcessResult> Succeeds(Task<ProcessResult> command)
    {
        var result = await command;
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result;
    }

    private async Task<List<JsonNode>> ListJson(params string[] filters) =>
        [.. (await Succeeds(["person", "list", "--json", .. filters])).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];

    [Test]
    public async Task The_list_has_each_residents_ways_in_validity_and_last_access_day_and_no_card_number()
    {
        var persons = await ListJson();

        var li = persons.Single(p => p["id"]!.GetValue<string>() == "A-1");
        var wang = persons.Single(p => p["id"]!.GetValue<string>() == "B-2");
        Assert.That(li["methods"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "card", "pin" }));
        Assert.That(li["lastAccessDay"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.That((wang["validFrom"]!.GetValue<string>(), wang["validUntil"]!.GetValue<string>()), Is.EqualTo(("2026-01-01", "2026-06-30")));
        Assert.That(wang["methods"]!.AsArray(), Is.Empty);
        Assert.That(wang["lastAccessDay"], Is.Null);
        Assert.That(string.Join('\n', persons.Select(p => p.ToJsonString())), Does.Not.Contain("13067"), "cards are counted, never numbered");
    }

    [Test]
    public async Task The_table_shows_every_resident()
    {
        var table = (await Succeeds("person", "list")).StandardOutput;

        Assert.That(table, Does.Contain("A-1").And.Contain("B-2").And.Contain("2026-01-01 to 2026-06-30").And.Contain("2 of 2 resident(s)"));
        Assert.That(table, Does.Not.Contain("Li Wei"), "the table names ids; names are in person show and --json");
    }

    [TestCase(new[] { "--method", "card" }, new[] { "A-1" })]
    [TestCase(new[] { "--method", "none" }, new[] { "B-2" })]
    [TestCase(new[] { "--without", "pin" }, new[] { "B-2" })]
    [TestCase(new[] { "--expires-by", "2026-12-31" }, new[] { "B-2" })]
    [TestCase(new[] { "--not-seen-since", "2000-01-01" }, new[] { "B-2" })]
    public async Task Filters_pick_the_residents_they_name(string[] filter, string[] expected) =>
        Assert.That((await ListJson(filter)).Select(p => p["id"]!.GetValue<string>()), Is.EqualTo(expected));

    [Test]
    public async Task Status_shows_reader_activity_store_counts_and_the_last_events()
    {
        var status = JsonNode.Parse((await Succeeds("status", "--json")).StandardOutput)!;

        Assert.That(status["readers"]!["front"]!["lastActivity"]?.GetValue<string>(), Is.Not.Null, status.ToJsonString());
        Assert.That(status["store"]!["cards"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(status["recentEvents"]!.AsArray(), Has.Count.InRange(1, 10));
        Assert.That(status["models"]!.AsArray(), Is.Empty, "face is off here: no model is loaded");
        Assert.That((await Succeeds("status")).StandardOutput, Does.Contain("recentEvents:").And.Contain("  - sequence="));
    }

    [Test]
    public async Task A_command_line_mistake_exits_2_and_version_names_the_commit()
    {
        var mistake = await _daemon.GatectlAsync("person", "list", "--method", "fingerprint");
        var version = await DotnetProcess.RunAsync("gatectl", ["--version"]);

        Assert.That(mistake.ExitCode, Is.EqualTo(2), mistake.ToString());
        Assert.That(version.StandardOutput.Trim(), Does.Match(@"^gatectl \d+\.\d+\.\d+\S* \(commit [0-9a-f]{40}\)$"));
    }

    [Test]
    public async Task The_bash_completion_script_completes_from_gatectl_itself()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName;
        var wrapper = Path.Combine(bin, "gatectl");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet {Path.Combine(AppContext.BaseDirectory, "gatectl.dll")} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = Path.Combine(_directory, "gatectl.bash");
        File.WriteAllText(script, (await DotnetProcess.RunAsync("gatectl", ["completion", "bash"])).StandardOutput);

        var info = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"source {script}; COMP_LINE='gatectl person l'; COMP_POINT=16; COMP_WORDS=(gatectl person l); COMP_CWORD=2; _gatectl_complete; echo \"${{COMPREPLY[*]}}\"");
        info.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        using var bash = System.Diagnostics.Process.Start(info)!;
        var completions = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.That(completions.Trim(), Is.EqualTo("list"));
    }
}
