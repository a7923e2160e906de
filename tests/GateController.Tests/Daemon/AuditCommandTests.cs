using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace GateController.Tests.Daemon;

/// <summary>
/// <c>gatectl audit</c> end to end: decisions and admin commands land in the chain, a decision row edited in
/// the SQLite file while the daemon is stopped is named after restart, the config change is audited, and
/// the decision history and numbering carry on across the restart.
/// </summary>
public sealed class AuditCommandTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-audit-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Audit_verify_passes_then_names_an_edited_decision_row_after_restart_and_the_config_change_is_audited()
    {
        var data = Path.Combine(_directory, "data");
        await using (var daemon = await DaemonProcess.StartAsync(data))
        {
            await Gatectl(daemon, "person", "add", "--id", "A-1", "--name", "Alice Example");
            await Gatectl(daemon, "card", "add", "--id", "A-1", "--card", "H10301:13:13067");
            Assert.That((await SwipeAsync(daemon, "H10301:13:13067")).StandardOutput, Does.Contain("granted"));

            var verify = await Gatectl(daemon, "audit", "verify");
            Assert.That(verify.StandardOutput, Does.Match("OK: [0-9]+ rows checked; head [0-9a-f]{64}"));
            Assert.That(await daemon.StopAsync(), Is.Zero);
        }

        long decisionRow;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "gate.db"), Pooling = false }.ToString()))
        {
            connection.Open();
            using var find = connection.CreateCommand();
            find.CommandText = "SELECT seq FROM audit WHERE kind = 'AccessDecision' AND subject = 'A-1'";
            decisionRow = (long)find.ExecuteScalar()!;
            using var tamper = connection.CreateCommand();
            tamper.CommandText = $"DROP TRIGGER audit_no_update; UPDATE audit SET subject = NULL WHERE seq = {decisionRow}";
            tamper.ExecuteNonQuery();
        }

        await using var restarted = await DaemonProcess.StartAsync(data, "--set", "Journal:Enabled=false");
        var broken = await restarted.GatectlAsync("audit", "verify");
        Assert.That(broken.ExitCode, Is.EqualTo(1), broken.ToString());
        Assert.That(broken.StandardError, Does.Contain($"BAD: audit chain broken at row {decisionRow}").And.Contain("edited"));

        var rows = (await Gatectl(restarted, "audit", "show", "--count", "100", "--json")).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        var kinds = rows.Select(r => r["kind"]!.GetValue<string>()).ToList();
        Assert.That(kinds, Does.Contain("AccessDecision").And.Contain("AdminCommand"));
        var configChanges = rows.Where(r => r["kind"]!.GetValue<string>() == "ConfigChanged").Select(r => r["detail"]!.GetValue<string>()).ToList();
        Assert.That(configChanges, Has.Count.EqualTo(2));
        Assert.That(configChanges[0], Does.StartWith("first configuration recorded"));
        Assert.That(configChanges[1], Does.StartWith("configuration changed; sections: Journal;"));
        Assert.That(rows.Select(r => r["detail"]!.GetValue<string>()), Has.Some.EqualTo("POST /v1/persons/{id}/cards -> 200"));
        Assert.That(string.Join("\n", rows.Select(r => r.ToJsonString())), Does.Not.Contain("Alice").And.Not.Contain("13067"));

        // The decisions of the first run are still listed, and this run's numbering carries on after them.
        var before = await EventsAsync(restarted);
        Assert.That(before.Where(e => e["person"]?.GetValue<string>() == "A-1" && e["result"]!.GetValue<string>() == "granted"), Is.Not.Empty);
        Assert.That((await SwipeAsync(restarted, "H10301:13:13067")).StandardOutput, Does.Contain("granted"));
        var after = await EventsAsync(restarted);
        var sequences = after.Select(e => e["sequence"]!.GetValue<long>()).ToList();
        Assert.That(sequences, Is.Unique.And.Ordered);
        Assert.That(sequences[^1], Is.GreaterThan(before.Max(e => e["sequence"]!.GetValue<long>())));
    }

    private static async Task<List<JsonNode>> EventsAsync(DaemonProcess daemon) =>
        [.. (await Gatectl(daemon, "events", "--json")).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];

    /// <summary>
    /// A simulated swipe, swiped again (as a resident would) if the simulation's own pulse sender was held
    /// up longer than the frame gap: this daemon runs the face path flat out on the sample clip, and a GC
    /// pause there can stall the sender mid-frame. A frame that arrives whole is decided on its merits.
    /// </summary>
    private static async Task<ProcessResult> SwipeAsync(DaemonProcess daemon, string card)
    {
        var result = await Gatectl(daemon, "sim", "card", card);
        for (var retry = 0; retry < 2 && result.StandardOutput.Contains("no decision", StringComparison.Ordinal); retry++)
        {
            result = await Gatectl(daemon, "sim", "card", card);
        }

        return result;
    }

    private static async Task<ProcessResult> Gatectl(DaemonProcess daemon, params string[] arguments)
    {
        var result = await daemon.GatectlAsync(arguments);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result;
    }
}
