using GateController.Tests.Vision;
using GateController.Vision.Imaging;

namespace GateController.Tests.Daemon;

/// <summary>
/// <c>gatectl camera snapshot --overlay</c> without a photo: the camera worker draws its next frame. A camera that gives
/// no frames and a disabled face path each get a clear refusal and no file.
/// </summary>
[NonParallelizable]
public sealed class LiveSnapshotTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-live-snapshot-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_live_frame_with_a_face_is_drawn_as_the_same_photo_uploaded_would_be()
    {
        var photo = FaceData.PathOf("deepface_02/01.jpg");
        var camera = Directory.CreateDirectory(Path.Combine(_directory, "camera")).FullName;
        File.Copy(photo, Path.Combine(camera, "0001.jpg"));
        await using var daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--camera", camera);
        await FaceWorkerStatus.WaitForRunningWorkerAsync(daemon);
        var live = Path.Combine(_directory, "live.png");
        var uploaded = Path.Combine(_directory, "uploaded.png");

        var result = await daemon.GatectlAsync("camera", "snapshot", "--overlay", live);
        var reference = await daemon.GatectlAsync("camera", "snapshot", "--overlay", uploaded, "--from-image", photo);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("faces: 1"));
        Assert.That(reference.ExitCode, Is.Zero, reference.ToString());
        using var liveImage = FaceImage.Load(live);
        using var uploadedImage = FaceImage.Load(uploaded);
        Assert.That((liveImage.Width, liveImage.Height), Is.EqualTo((uploadedImage.Width, uploadedImage.Height)));
        Assert.That(liveImage.Pixels.SequenceEqual(uploadedImage.Pixels), Is.True, "box, landmarks and notes as on the uploaded photo");
    }

    [Test]
    public async Task A_camera_that_gives_no_frames_is_named_and_no_file_is_written()
    {
        await using var daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--camera", "/nonexistent/camera.mp4");
        await FaceWorkerStatus.WaitForAsync(daemon, s => s["faceWorker"]?["heartbeatAgeSeconds"] is not null, "a face worker heartbeat");
        var output = Path.Combine(_directory, "live.png");

        var result = await daemon.GatectlAsync("camera", "snapshot", "--overlay", output);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.StandardError, Does.Contain("no live frame").And.Contain("camera"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public async Task A_disabled_face_path_says_so()
    {
        await using var daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--set", "Face:Enabled=false");
        var output = Path.Combine(_directory, "live.png");

        var result = await daemon.GatectlAsync("camera", "snapshot", "--overlay", output);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.StandardError, Does.Contain("Face:Enabled"));
        Assert.That(File.Exists(output), Is.False);
    }
}
