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
    public async Task Snapshot_without_an_image_says_live_frames_are_not_served_and_writes_nothing()
    {
        var output = Path.Combine(_directory, "live.png");

        var result = await _daemon.GatectlAsync("camera", "snapshot", "--overlay", output);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("--from-image"));
        Assert.That(File.Exists(output), Is.False);
    }

    private static (int B, int G, int R) Bgr(FaceImage image, int x, int y)
    {
        var pixel = image.Row(y).Slice(x * 3, 3);
        return (pixel[0], pixel[1], pixel[2]);
    }
}
