using System.Text.Json.Nodes;
using GateController.Tests.Vision;

namespace GateController.Tests.Daemon;

/// <summary>
/// The real daemon in simulation, driven through its socket by gatectl, as an installer would: enrol,
/// identify, refuse bad photos, erase. The camera watches a folder with no face, so only these
/// requests make decisions.
/// </summary>
[NonParallelizable]
public sealed partial class FacePathEndToEndTests
{
    private string _directory = "";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemon()
    {
        _directory = Directory.CreateTempSubdirectory("gate-face-e2e-").FullName;
        var camera = Directory.CreateDirectory(Path.Combine(_directory, "camera")).FullName;
        File.Copy(FaceData.PathOf("negatives/brick.png"), Path.Combine(camera, "0001.png"));
        _daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--camera", camera);
        await WaitForFacePathAsync();
        Assert.That((await _daemon.GatectlAsync("person", "add", "--id", "R-101", "--name", "Resident One")).ExitCode, Is.Zero);
        var enrol = await _daemon.GatectlAsync("face", "enroll", "--id", "R-101", "--consent", "paper form 2026-001", FaceData.PathOf("deepface_01/01.jpg"));
        Assert.That(enrol.ExitCode, Is.Zero, enrol.ToString());
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitForFacePathAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var status = JsonNode.Parse((await _daemon.GatectlAsync("status", "--json")).StandardOutput)!;
            var state = status["face"]?["state"]?.GetValue<string>();
            if (state == "healthy")
            {
                return;
            }

            Assert.That(state, Is.Not.EqualTo("failed"), status.ToJsonString());
            await Task.Delay(100);
        }

        Assert.Fail("the face path did not become healthy");
    }

    private async Task<JsonNode> IdentifyAsync(string photo)
    {
        var result = await _daemon.GatectlAsync("identify", "--json", photo);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonNode.Parse(result.StandardOutput)!;
    }

    private async Task<long> RelayPulsesAsync() =>
        JsonNode.Parse((await _daemon.GatectlAsync("status", "--json")).StandardOutput)!["door"]!["pulses"]!.GetValue<long>();

    [Test]
    public async Task Status_names_the_models_in_use_with_their_manifest_checksums()
    {
        var status = JsonNode.Parse((await _daemon.GatectlAsync("status", "--json")).StandardOutput)!;
        var catalog = GateController.Vision.Models.ModelCatalog.LoadEmbedded();

        var models = status["models"]!.AsArray();
        Assert.That(models, Has.Count.EqualTo(2), "the detector and the embedder");
        foreach (var model in models)
        {
            Assert.That(model!["sha256"]!.GetValue<string>(), Is.EqualTo(catalog.GetModel(model["file"]!.GetValue<string>()).Sha256));
            Assert.That(new FileInfo(model["path"]!.GetValue<string>()).Length, Is.EqualTo(model["bytes"]!.GetValue<long>()));
        }
    }

    [Test]
    public async Task Identify_grants_an_enrolled_resident_on_another_photo_and_pulses_the_relay()
    {
        var pulsesBefore = await RelayPulsesAsync();

        var result = await IdentifyAsync(FaceData.PathOf("deepface_01/02.jpg"));

        Assert.That(result["decision"]!.GetValue<string>(), Is.EqualTo("granted"), result.ToJsonString());
        var face = result["faces"]![0]!;
        Assert.That(face["match"]!["id"]!.GetValue<string>(), Is.EqualTo("R-101"));
        Assert.That(face["match"]!["similarity"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.45));
        Assert.That(face["box"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That(await RelayPulsesAsync(), Is.EqualTo(pulsesBefore + 1));
    }

    [Test]
    public async Task Identify_denies_a_person_who_is_not_enrolled_and_leaves_the_relay_alone()
    {
        var pulsesBefore = await RelayPulsesAsync();

        var result = await IdentifyAsync(FaceData.PathOf("deepface_02/01.jpg"));

        Assert.That(result["decision"]!.GetValue<string>(), Is.EqualTo("denied"));
        Assert.That(result["faces"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(result["faces"]![0]!["match"], Is.Null);
        Assert.That(await RelayPulsesAsync(), Is.EqualTo(pulsesBefore));
    }

    [Test]
    public async Task Identify_lets_the_largest_face_of_a_group_photo_decide()
    {
        var result = await IdentifyAsync(FaceData.PathOf("groups/multiface.jpg"));

        var faces = result["faces"]!.AsArray();
        Assert.That(faces, Has.Count.GreaterThan(1));
        var areas = faces.Select(f => f!["box"]![2]!.GetValue<double>() * f["box"]![3]!.GetValue<double>()).ToList();
        Assert.That(areas[0], Is.EqualTo(areas.Max()), "the deciding (largest) face comes first");
        Assert.That(result["decision"]!.GetValue<string>(), Is.EqualTo("denied"));
    }

    [Test]
    public async Task Enrolment_refuses_a_corrupt_image_and_names_it()
    {
        var corrupt = Path.Combine(_directory, "corrupt.jpg");
        var bytes = await File.ReadAllBytesAsync(FaceData.PathOf("deepface_03/01.jpg"));
        await File.WriteAllBytesAsync(corrupt, bytes[..200]);

        var result = await _daemon.GatectlAsync("face", "enroll", "--id", "R-101", "--consent", "paper form 2026-001", corrupt);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("corrupt.jpg").And.Contain("not a readable image"));
    }

    [Test]
    public async Task Identify_refuses_a_30000_px_PNG_naming_its_size_and_the_key()
    {
        var huge = Path.Combine(_directory, "huge.png");
        await File.WriteAllBytesAsync(huge, Vision.Imaging.HugePng.Solid(30_000, 30_000));

        var result = await _daemon.GatectlAsync("identify", huge);

        Assert.That(result.ExitCode, Is.Not.Zero);
        // identify uploads the bytes alone, so the daemon names the image "the uploaded image".
        Assert.That(result.StandardError, Does.Contain(
            "the uploaded image is 30000 × 30000 pixels (900,000,000), more than the limit of 50,000,000 (Face:Worker:MaximumImagePixels)"));
    }

    [Test]
    public async Task Enrolment_refuses_an_image_with_no_face()
    {
        var result = await _daemon.GatectlAsync("face", "enroll", "--id", "R-101", "--consent", "paper form 2026-001", FaceData.PathOf("negatives/coins.png"));

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("no face found in image coins.png"));
    }

    [Test]
    public async Task Enrolment_refuses_an_image_with_more_than_one_face_and_stores_nothing()
    {
        var before = JsonNode.Parse((await _daemon.GatectlAsync("status", "--json")).StandardOutput)!["store"]!["faceTemplates"]!.GetValue<long>();

        var result = await _daemon.GatectlAsync(
            "face", "enroll", "--id", "R-101", "--consent", "paper form 2026-001",
            FaceData.PathOf("deepface_01/03.jpg"), FaceData.PathOf("groups/couple.jpg"));

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("2 faces found in image couple.jpg"));
        var after = JsonNode.Parse((await _daemon.GatectlAsync("status", "--json")).StandardOutput)!["store"]!["faceTemplates"]!.GetValue<long>();
        Assert.That(after, Is.EqualTo(before), "a refused enrolment stores none of its photos");
    }

    [Test]
    public async Task Enrolment_of_an_unknown_person_is_refused()
    {
        var result = await _daemon.GatectlAsync("face", "enroll", "--id", "NOBODY", "--consent", "paper form 2026-001", FaceData.PathOf("deepface_04/01.jpg"));

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("NOBODY"));
    }

    [Test]
    public async Task Deleting_a_person_stops_their_face_from_opening_the_door()
    {
        Assert.That((await _daemon.GatectlAsync("person", "add", "--id", "R-202", "--name", "Resident Two")).ExitCode, Is.Zero);
        var enrol = await _daemon.GatectlAsync("face", "enroll", "--id", "R-202", "--consent", "on-screen, 2026-11-25", FaceData.PathOf("deepface_10/01.jpg"));
        Assert.That(enrol.ExitCode, Is.Zero, enrol.ToString());
        Assert.That((await IdentifyAsync(FaceData.PathOf("deepface_10/02.jpg")))["decision"]!.GetValue<string>(), Is.EqualTo("granted"));

        var delete = await _daemon.GatectlAsync("person", "delete", "R-202");

        Assert.That(delete.ExitCode, Is.Zero, delete.ToString());
        Assert.That((await IdentifyAsync(FaceData.PathOf("deepface_10/02.jpg")))["decision"]!.GetValue<string>(), Is.EqualTo("denied"));
    }

    [Test]
    public async Task Events_record_face_decisions_without_biometric_data()
    {
        await IdentifyAsync(FaceData.PathOf("deepface_01/04.jpg"));

        var events = await _daemon.GatectlAsync("events", "--json");

        Assert.That(events.ExitCode, Is.Zero, events.ToString());
        var lines = events.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var granted = lines.Last(e => e["result"]!.GetValue<string>() == "granted");
        Assert.That(granted["method"]!.GetValue<string>(), Is.EqualTo("face"));
        Assert.That(granted["person"]!.GetValue<string>(), Is.EqualTo("R-101"));
        Assert.That(granted.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "method", "reader", "person", "result", "reason" }));
        Assert.That(granted.AsObject().Select(p => p.Key), Has.None.Contains("embedding").And.None.Contains("template"));
    }
}
