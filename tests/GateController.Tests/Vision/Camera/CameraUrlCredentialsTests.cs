using GateController.Tests.Face;
using GateController.Vision.Camera;
using GateController.Vision.Imaging;
using Microsoft.Extensions.Logging;

namespace GateController.Tests.Vision.Camera;

/// <summary>A network camera's password never reaches a log line, status or a camera error.</summary>
public sealed class CameraUrlCredentialsTests
{
    private const string Password = "s3cret-Pw";

    [TestCase("rtsp://gate:s3cret-Pw@10.0.0.5:554/stream1", "rtsp://gate:***@10.0.0.5:554/stream1")]
    [TestCase("ffmpeg: rtsp://gate:s3cret-Pw@10.0.0.5/live: Connection refused", "ffmpeg: rtsp://gate:***@10.0.0.5/live: Connection refused")]
    [TestCase("rtsp://gate:s3cret@Pw@cam.local/live", "rtsp://gate:***@cam.local/live")]
    [TestCase("rtsp://10.0.0.5/stream1", "rtsp://10.0.0.5/stream1")]
    [TestCase("/dev/video0", "/dev/video0")]
    public void Redact_hides_the_password_and_keeps_the_rest(string text, string expected) =>
        Assert.That(CameraUrlCredentials.Redact(text), Is.EqualTo(expected));

    [Test]
    public async Task A_stream_that_refuses_shows_its_failure_without_the_password_in_logs_or_health()
    {
        using var logs = new RecordingLoggerProvider();
        using var factory = new LoggerFactory([logs]);
        // Port 9 (discard) is closed here: ffprobe fails at once with the URL in its error line.
        var options = new CameraOptions
        {
            Source = $"rtsp://gate:{Password}@127.0.0.1:9/live",
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(40),
        };
        using var camera = new CameraFrameSource(options, ImageSizeLimit.Largest, TimeProvider.System, factory.CreateLogger<CameraFrameSource>());
        camera.Start();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (camera.Health.LastError is null || camera.Health.Reconnects < 2)
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, "the refused stream was never reported");
            await Task.Delay(20);
        }

        camera.Dispose();
        var health = camera.Health;
        var everything = logs.Entries.Select(e => e.Message).Append(health.Source).Append(health.LastError ?? "").ToList();
        Assert.That(everything, Has.None.Contains(Password));
        Assert.That(health.Source, Is.EqualTo("rtsp://gate:***@127.0.0.1:9/live"));
        Assert.That(logs.Entries.Select(e => e.Message), Has.Some.Contains("gate:***@127.0.0.1:9"), "the technician still sees which camera and account");
    }
}
