using System.Text.Json.Nodes;

namespace GateController.Tests.Daemon;

/// <summary>
/// <c>gatectl person import</c> and <c>export</c> on the real daemon and its SQLite store: every row checked first with
/// its row and column, all or nothing, audited, usable at once; the export is the import file again.
/// </summary>
[NonParallelizable]
public sealed class PersonImportExportTests
{
    private const string GoodFile = """
        id,name,cards,groups,valid_from,valid_until
        C-1,"Zhang, San",H10301:13:20001;H10301:13:20002,residents,2026-01-01,2099-12-31
        C-2,李四,,,,

        """;

    private string _directory = "";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemon()
    {
        _directory = Directory.CreateTempSubdirectory("gate-import-").FullName;
        _daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--set", "Face:Enabled=false");
        Assert.That((await _daemon.GatectlAsync("group", "add", "residents", "--window", "00:00-24:00")).ExitCode, Is.Zero);
        Assert.That((await _daemon.GatectlAsync("person", "add", "--id", "OLD-1", "--name", "Already Here")).ExitCode, Is.Zero);
        Assert.That((await _daemon.GatectlAsync("card", "add", "--id", "OLD-1", "--card", "H10301:13:29999")).ExitCode, Is.Zero);
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<List<string>> Ids() =>
        [.. (await _daemon.GatectlAsync("person", "list", "--json")).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!["id"]!.GetValue<string>())];

    [Test, Order(1)]
    public async Task Every_bad_row_is_reported_with_row_and_column_and_nothing_is_imported()
    {
        var file = Write("bad.csv", """
            id,name,cards,groups,valid_from,valid_until
            C 3,Bad Id,,,,
            C-4,Unknown Group,,nobody,,
            C-5,Bad Card,X9:1:2,,,
            C-6,Taken Card,H10301:13:29999,,,
            C-7,Bad Date,,,2026-13-01,
            C-8,Backwards,,,2026-06-01,2026-01-01
            OLD-1,Already,,,,
            C-1,"Zhang, San",,,,

            """);

        var result = await _daemon.GatectlAsync("person", "import", file);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        foreach (var expected in new[]
        {
            "bad.csv:2: column id", "bad.csv:3: column groups: access group 'nobody' does not exist", "bad.csv:4: column cards: card",
            "bad.csv:5: column cards: card", "already belongs to a resident", "bad.csv:6: column valid_from: '2026-13-01' is not a date",
            "bad.csv:7: column valid_until", "bad.csv:8: column id: 'OLD-1' is already a resident", "7 problem(s); nothing was imported",
        })
        {
            Assert.That(result.StandardError, Does.Contain(expected));
        }

        Assert.That(result.StandardError, Does.Not.Contain("29999"), "a card number is never printed whole");
        Assert.That(await Ids(), Is.EqualTo(new[] { "OLD-1" }));
    }

    [Test, Order(2)]
    public async Task A_pin_or_face_column_is_refused()
    {
        var result = await _daemon.GatectlAsync("person", "import", Write("pins.csv", "id,name,pin\nC-9,Someone,2580\n"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("pins.csv:1: column pin: an import never takes a PIN or a face"));
    }

    [Test, Order(3)]
    public async Task A_dry_run_checks_and_writes_nothing()
    {
        var result = await _daemon.GatectlAsync("person", "import", "--dry-run", Write("good.csv", GoodFile));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("2 resident(s) with 2 card(s) would be imported; nothing was written"));
        Assert.That(await Ids(), Is.EqualTo(new[] { "OLD-1" }));
    }

    [Test, Order(4)]
    public async Task The_import_applies_in_one_audited_transaction_and_its_cards_open_at_once()
    {
        var result = await _daemon.GatectlAsync("person", "import", Write("good.csv", GoodFile));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("imported 2 resident(s) with 2 card(s) and 1 group/validity record(s) in one transaction"));
        Assert.That(await Ids(), Is.EqualTo(new[] { "C-1", "C-2", "OLD-1" }));
        var audit = await _daemon.GatectlAsync("audit", "show", "--count", "20", "--json");
        Assert.That(audit.StandardOutput, Does.Contain("PersonsImported").And.Contain("import: 2 persons, 2 cards, 1 access records"));
        var swipe = "";
        for (var attempt = 0; attempt < 3 && !swipe.Contains("granted", StringComparison.Ordinal); attempt++)
        {
            swipe = (await _daemon.GatectlAsync("sim", "card", "H10301:13:20002")).StandardOutput;
        }

        Assert.That(swipe, Does.Contain("granted (card) for C-1"));
    }

    [Test, Order(5)]
    public async Task The_export_is_the_import_file_again_with_nothing_biometric()
    {
        var result = await _daemon.GatectlAsync("person", "export");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput.ReplaceLineEndings("\n"), Does.StartWith(GoodFile.TrimEnd('\n')));
        Assert.That(result.StandardOutput, Does.Contain("OLD-1,Already Here,H10301:13:29999,,,"));
        var audit = await _daemon.GatectlAsync("audit", "show", "--count", "5", "--json");
        Assert.That(audit.StandardOutput, Does.Contain("PersonsExported"));
    }
}
