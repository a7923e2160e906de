using System.Text.Json.Nodes;
using GateController.Tests.Vision;

namespace GateController.Tests.Daemon;

/// <summary>The issue #4 commands end to end: the real daemon in simulation, driven by gatectl.</summary>
public sealed class PrivacyCommandTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-privacy-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Face_withdraw_keeps_the_person_writes_a_receipt_and_the_receipt_verifies_with_the_daemon_and_offline()
    {
        await using var daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"));
        await Gatectl(daemon, "person", "add", "--id", "A-1", "--name", "Amy Example");
        await EnrolAsync(daemon, "A-1", FaceData.EnrolmentPhotoOf("bbt_amy"));
        var receipt = Path.Combine(_directory, "withdraw.json");

        var withdraw = await Gatectl(daemon, "face", "withdraw", "A-1", "--receipt", receipt);

        Assert.That(withdraw.StandardOutput, Does.Contain("withdrew face of A-1").And.Contain("1 faceTemplates").And.Contain($"receipt written to {receipt}"));
        var show = await Gatectl(daemon, "person", "show", "A-1", "--json");
        var report = JsonNode.Parse(show.StandardOutput)!;
        Assert.That(report["name"]!.GetValue<string>(), Is.EqualTo("Amy Example"));
        Assert.That(report["faceTemplates"]!.AsArray(), Is.Empty);
        var verify = await Gatectl(daemon, "receipt", "verify", receipt);
        Assert.That(verify.StandardOutput, Does.Contain("valid receipt: face-withdraw of person A-1").And.Contain("confirmed by the device"));
        var publicKey = Path.Combine(_directory, "device.pem");
        await Gatectl(daemon, "receipt", "public-key", "--output", publicKey);
        var offline = await DotnetProcess.RunAsync("gatectl", ["receipt", "verify", receipt, "--public-key", publicKey]);
        Assert.That(offline.ExitCode, Is.Zero, offline.ToString());
        Assert.That(offline.StandardOutput, Does.Contain("(trusted)"));

        var tampered = File.ReadAllText(receipt).Replace("\"A-1\"", "\"A-2\"", StringComparison.Ordinal);
        File.WriteAllText(receipt, tampered);
        var rejected = await DotnetProcess.RunAsync("gatectl", ["receipt", "verify", receipt, "--public-key", publicKey]);
        Assert.That(rejected.ExitCode, Is.EqualTo(1), rejected.ToString());
        Assert.That(rejected.StandardError, Does.Contain("invalid receipt"));
    }

    [Test]
    public async Task Person_show_reports_consent_and_counts_but_never_template_values_and_person_delete_writes_a_receipt()
    {
        await using var daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"));
        await Gatectl(daemon, "person", "add", "--id", "P-7", "--name", "Penny Example");
        await EnrolAsync(daemon, "P-7", FaceData.EnrolmentPhotoOf("bbt_penny"));

        var show = await Gatectl(daemon, "person", "show", "P-7");
        var json = JsonNode.Parse((await Gatectl(daemon, "person", "show", "P-7", "--json")).StandardOutput)!;

        Assert.That(show.StandardOutput, Does.Contain("person P-7: Penny Example").And.Contain("how: paper form 2026-7").And.Contain("taken by operator front-desk"));
        Assert.That(json["faceConsents"]![0]!["consentedBy"]!.GetValue<string>(), Is.EqualTo("P-7"));
        Assert.That(json["faceTemplates"]![0]!["count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(json.ToJsonString(), Does.Not.Contain("embedding").And.Not.Contain("template\":["), "no vector anywhere in the report");

        var receipt = Path.Combine(_directory, "delete.json");
        var delete = await Gatectl(daemon, "person", "delete", "P-7", "--receipt", receipt);
        Assert.That(delete.StandardOutput, Does.Contain("deleted person P-7: person-delete of P-7: 0 cards, 2 dataKeys, 0 duressPins"));
        Assert.That(JsonNode.Parse(File.ReadAllText(receipt))!["receipt"]!["action"]!.GetValue<string>(), Is.EqualTo("person-delete"));
        var gone = await daemon.GatectlAsync("person", "show", "P-7");
        Assert.That(gone.ExitCode, Is.EqualTo(4), gone.ToString());
        Assert.That(Directory.GetFiles(Path.Combine(daemon.DataDirectory, "receipts")), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Person_show_json_prints_a_chinese_name_as_it_is_not_as_escapes()
    {
        await using var daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"));
        await Gatectl(daemon, "person", "add", "--id", "C-1", "--name", "李伟");

        var show = await Gatectl(daemon, "person", "show", "C-1", "--json");

        Assert.That(show.StandardOutput, Does.Contain("李伟").And.Not.Contain("\\u"));
        Assert.That(JsonNode.Parse(show.StandardOutput)!["name"]!.GetValue<string>(), Is.EqualTo("李伟"));
    }

    [Test]
    public async Task Key_rotate_backs_up_first_and_the_daemon_restarts_on_the_new_key()
    {
        var data = Path.Combine(_directory, "data");
        await using (var daemon = await DaemonProcess.StartAsync(data))
        {
            await Gatectl(daemon, "person", "add", "--id", "R-1", "--name", "Raj Example");
            var oldKey = File.ReadAllBytes(Path.Combine(data, "master.key"));

            var rotate = await Gatectl(daemon, "key", "rotate");

            Assert.That(rotate.StandardOutput, Does.Contain("master key rotated: 1 data key(s)").And.Contain("pre-rotation"));
            Assert.That(File.ReadAllBytes(Path.Combine(data, "master.key")), Is.Not.EqualTo(oldKey));
            Assert.That(await daemon.StopAsync(), Is.Zero, daemon.Log);
        }

        await using var restarted = await DaemonProcess.StartAsync(data);
        var show = await Gatectl(restarted, "person", "show", "R-1");
        Assert.That(show.StandardOutput, Does.Contain("Raj Example"));
    }

    [Test]
    public async Task A_damaged_database_stops_the_daemon_with_the_file_named_and_gatectl_restore_brings_back_the_last_good_backup()
    {
        var data = Path.Combine(_directory, "data");
        var manual = Path.Combine(_directory, "manual.gatebak");
        await using (var daemon = await DaemonProcess.StartAsync(data))
        {
            await Gatectl(daemon, "person", "add", "--id", "S-1", "--name", "Sheldon Example");
            await Gatectl(daemon, "backup", manual);
            Assert.That(File.GetUnixFileMode(manual), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(await daemon.StopAsync(), Is.Zero, daemon.Log);
        }

        // The next start takes the "daily" automatic backup, which now holds S-1.
        await using (var daemon = await DaemonProcess.StartAsync(data))
        {
            var running = await daemon.GatectlAsync("restore", "--data-dir", data);
            Assert.That(running.StandardError, Does.Contain("gate-controller is running"), running.ToString());
            Assert.That(await daemon.StopAsync(), Is.Zero, daemon.Log);
        }

        var database = Path.Combine(data, "gate.db");
        var bytes = File.ReadAllBytes(database);
        Array.Clear(bytes, 0, 100);
        File.WriteAllBytes(database, bytes);

        var refused = await DotnetProcess.RunAsync("gate-controller", ["--simulate", "--data-dir", data, "--socket", Path.Combine(data, "admin.sock")]);
        Assert.That(refused.ExitCode, Is.EqualTo(78), refused.ToString());
        Assert.That(refused.StandardError, Does.Contain($"The store database '{database}' cannot be opened").And.Contain("gatectl restore"));

        var restore = await DotnetProcess.RunAsync("gatectl", ["--socket", Path.Combine(data, "admin.sock"), "restore", "--data-dir", data]);
        Assert.That(restore.ExitCode, Is.Zero, restore.ToString());
        Assert.That(restore.StandardOutput, Does.Contain("restored").And.Contain("auto-"));

        await using var restored = await DaemonProcess.StartAsync(data);
        Assert.That((await Gatectl(restored, "person", "show", "S-1")).StandardOutput, Does.Contain("Sheldon Example"));
    }

    [Test]
    public async Task Face_as_the_only_way_in_is_refused_at_start()
    {
        var data = Path.Combine(_directory, "data");
        var result = await DotnetProcess.RunAsync("gate-controller", ["--data-dir", data, "--socket", Path.Combine(data, "admin.sock")]);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.ToString());
        Assert.That(result.StandardError, Does.Contain("face recognition is the only enabled way in"));
    }

    private static async Task EnrolAsync(DaemonProcess daemon, string id, string photo)
    {
        // The face models load in the background after start; enrolment answers 503 until then.
        for (var attempt = 0; ; attempt++)
        {
            var result = await daemon.GatectlAsync("face", "enroll", "--id", id, "--consent", "paper form 2026-7", "--operator", "front-desk", photo);
            if (result.ExitCode == 0 || attempt == 60 || !result.StandardError.Contains("unavailable", StringComparison.Ordinal))
            {
                Assert.That(result.ExitCode, Is.Zero, result.ToString());
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<ProcessResult> Gatectl(DaemonProcess daemon, params string[] arguments)
    {
        var result = await daemon.GatectlAsync(arguments);
        Assert.That(result.ExitCode, Is.Zero, $"gatectl {string.Join(' ', arguments)}: {result}\n{daemon.Log}");
        return result;
    }
}
