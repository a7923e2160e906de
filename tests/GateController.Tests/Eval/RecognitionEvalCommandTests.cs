using System.Text.Json.Nodes;
using GateController.Tests.Daemon;
using GateController.Tests.Vision;

namespace GateController.Tests.Eval;

/// <summary>
/// <c>gatectl eval</c> as an installer runs it: the real gatectl, the real analysis processes and models, on the
/// labelled photos of ../shared/faces; no daemon runs and nothing is enrolled.
/// </summary>
public sealed class RecognitionEvalCommandTests : EvalCommandTestsBase
{
    [Test]
    public async Task The_report_on_the_shared_faces_agrees_with_the_calibration_and_names_bad_photos()
    {
        var dataset = EvalDatasets.PersonsWithBadPhotos(TestDirectory, out var person);

        var png = Path.Combine(TestDirectory, "report.png");

        var result = await DotnetProcess.RunAsync("gatectl", ["eval", dataset, "--json", "--png", png, "--config", EmptyConfig(), "--residents", "100", "--passages-per-day", "300"], timeout: TimeSpan.FromMinutes(5));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var report = JsonNode.Parse(result.StandardOutput)!;
        TestContext.Out.WriteLine(result.StandardOutput);
        Assert.That(report["persons"]!.GetValue<int>(), Is.EqualTo(FaceData.Persons.Count));
        Assert.That(report["photos"]!.GetValue<int>(), Is.EqualTo(FaceData.Persons.Sum(p => FaceData.PhotosOf(p).Count) + 2));
        // README, Calibration: photo 01 of each of 26 persons enrolled, 163 probes, 4,075 impostor pairs.
        Assert.That(report["enrolmentPhotos"]!.GetValue<int>(), Is.EqualTo(26));
        Assert.That(report["probePhotos"]!.GetValue<int>(), Is.EqualTo(163));
        Assert.That(report["impostorPairs"]!.GetValue<int>(), Is.EqualTo(4075));
        Assert.That(Names(report["facesNotFound"]!["photos"]!), Is.EqualTo(new[] { $"{person}/zz_no_face.jpg" }));
        Assert.That(report["unreadable"]!["photos"]![0]!["photo"]!.GetValue<string>(), Is.EqualTo($"{person}/zz_damaged.jpg"));
        Assert.That(report["unreadable"]!["count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(report["rank1"]!["rate"]!.GetValue<double>(), Is.InRange(0.9, 1.0));
        Assert.That(report["eer"]!["rate"]!.GetValue<double>(), Is.InRange(0.005, 0.06));
        Assert.That(report["suggestedThreshold"]!.GetValue<double>(), Is.EqualTo(0.45).Within(1e-6));
        var atDefault = report["falseAccepts"]!["thresholds"]!.AsArray().Single(t => Math.Abs(t!["threshold"]!.GetValue<double>() - 0.45) < 1e-6)!;
        // README, Calibration: TAR 87.1 % and no impostor pair at 0.45; a threshold of 1.0 would fail the TAR bound.
        Assert.That(atDefault["tar"]!.GetValue<double>(), Is.InRange(0.85, 0.89));
        Assert.That(atDefault["fmr"]!.GetValue<double>(), Is.Zero);
        Assert.That(atDefault["perDayUpper95"]!.GetValue<double>(), Is.EqualTo(300 * 100 * atDefault["fmrUpper95"]!.GetValue<double>()).Within(1e-6));
        Assert.That(report["falseAccepts"]!["formula"]!.GetValue<string>(), Does.Contain("residents × FMR"));
        Assert.That(result.StandardOutput, Does.Not.Contain("embedding\""), "scores and counts only");
        // ROC and histograms side by side, 800 x 600 each.
        PlotAssert.DecodesTo(png, 1600, 600);
    }

    [Test]
    public async Task A_missing_folder_is_named_with_exit_5()
    {
        var missing = Path.Combine(TestDirectory, "nowhere");

        var result = await DotnetProcess.RunAsync("gatectl", ["eval", missing, "--config", EmptyConfig()]);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.StandardError, Does.Contain($"dataset {missing} does not exist"));
    }

    [Test]
    public async Task A_folder_without_person_folders_says_what_it_needs()
    {
        File.WriteAllBytes(Path.Combine(TestDirectory, "01.jpg"), File.ReadAllBytes(FaceData.EnrolmentPhotoOf(FaceData.Persons[0])));

        var result = await DotnetProcess.RunAsync("gatectl", ["eval", TestDirectory, "--config", EmptyConfig()]);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.StandardError, Does.Contain("has no subfolders; it needs one folder per person"));
    }

    [Test]
    public async Task Models_that_cannot_be_had_are_named_with_the_fix()
    {
        var empty = System.IO.Directory.CreateDirectory(Path.Combine(TestDirectory, "empty")).FullName;
        var config = Path.Combine(TestDirectory, "offline.json");
        File.WriteAllText(config, $$"""{ "Vision": { "Models": { "CacheDirectory": "{{empty}}", "MirrorDirectory": "{{empty}}", "DownloadFromSource": false } } }""");

        var result = await DotnetProcess.RunAsync("gatectl", ["eval", EvalDatasets.Persons(TestDirectory), "--config", config]);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.StandardError, Does.Contain("the face models cannot be had").And.Contain("face_detection_yunet_2023mar_dynamic.onnx").And.Contain("gatectl models fetch"));
    }

    private static string[] Names(JsonNode array) => [.. array.AsArray().Select(n => n!.GetValue<string>())];
}
