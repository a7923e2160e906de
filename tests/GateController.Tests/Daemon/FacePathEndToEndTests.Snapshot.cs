using GateController.Tests.Vision;
using GateController.Vision.Imaging;

namespace GateController.Tests.Daemon;

/// <summary><c>gatectl camera snapshot --overlay</c> through the real daemon and analysis process.</summary>
public sealed partial class FacePathEndToEndTests
{
    [Test]
    public async Task Snapshot_overlay_draws_the_detectors_box_where_identify_finds_the_face()
    {
        var photo = FaceData.PathOf("deepface_02/01.jpg");
        var box = (await IdentifyAsync(photo))["faces"]![0]!["box"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var output = Path.Combine(_directory, "overlay.png");

        var result = await _daemon.GatectlAsync("camera", "snapshot", "--overlay", output, "--from-image", photo);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("faces: 1"));
        using var overlay = FaceImage.Load(output);
        using var original = FaceImage.Load(photo);
        Assert.That((overlay.Width, overlay.Height), Is.EqualTo((original.Width, original.Height)));
        var (x, y, w, h) = ((int)box[0], (int)box[1], (int)box[2], (int)box[3]);
        var (middleX, middleY) = (x + (w / 2), y + (h / 2));
        Assert.Multiple(() =>
        {
            foreach (var (px, py) in new[] { (middleX, y), (middleX, y + h), (x, middleY), (x + w, middleY) })
            {
                Assert.That(Bgr(overlay, px, py), Is.EqualTo((0, 255, 0)), $"box pixel ({px},{py})");
            }

            Assert.That(Bgr(overlay, middleX, y + (h / 3)), Is.EqualTo(Bgr(original, middleX, y + (h / 3))), "inside the box the photo is untouched");
        });
    }

    [Test]
    public async Task Snapshot_without_an_image_is_the_cameras_next_frame_with_no_face_on_a_faceless_scene()
    {
        await FaceWorkerStatus.WaitForRunningWorkerAsync(_daemon);
        var output = Path.Combine(_directory, "live.png");

        var result = await _daemon.GatectlAsync("camera", "snapshot", "--overlay", output);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("faces: 0"));
        var fromPhoto = Path.Combine(_directory, "brick-overlay.png");
        var drawn = await _daemon.GatectlAsync("camera", "snapshot", "--overlay", fromPhoto, "--from-image", FaceData.PathOf("negatives/brick.png"));
        Assert.That(drawn.ExitCode, Is.Zero, drawn.ToString());
        using var live = FaceImage.Load(output);
        using var photo = FaceImage.Load(fromPhoto);
        Assert.That((live.Width, live.Height), Is.EqualTo((photo.Width, photo.Height)));
        Assert.That(live.Pixels.SequenceEqual(photo.Pixels), Is.True, "the camera's frame is the folder's photo, drawn on like an upload");
    }

    private static (int B, int G, int R) Bgr(FaceImage image, int x, int y)
    {
        var pixel = image.Row(y).Slice(x * 3, 3);
        return (pixel[0], pixel[1], pixel[2]);
    }
}
