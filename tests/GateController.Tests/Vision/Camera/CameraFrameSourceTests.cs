using GateController.Vision.Camera;
using GateController.Vision.Imaging;

namespace GateController.Tests.Vision.Camera;

/// <summary>The camera seam on recordings: a video file, a folder of photos, and sources that fail and come back.</summary>
public sealed class CameraFrameSourceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private string _root = "";

    [SetUp]
    public void CreateTempDirectory() => _root = Directory.CreateTempSubdirectory("gate-camera-").FullName;

    [TearDown]
    public void DeleteTempDirectory() => Directory.Delete(_root, recursive: true);

    private static CameraFrameSource Start(string source, double frameRate = 200, ImageSizeLimit? limit = null)
    {
        var camera = new CameraFrameSource(
            new CameraOptions { Source = source, FrameRateLimit = frameRate, InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(40) },
            limit ?? ImageSizeLimit.Largest, TimeProvider.System);
        camera.Start();
        return camera;
    }

    private static async Task<CameraFrame> NextAsync(CameraFrameSource camera)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await camera.NextFrameAsync(timeout.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }

    private string WriteVideo(int frames, int width = 160, int height = 120) => TestClips.Write(Path.Combine(_root, "clip.avi"), frames, width, height);

    [Test]
    public async Task Video_file_delivers_full_size_frames_with_increasing_sequence_numbers()
    {
        using var camera = Start(ModelCacheSetup.PathOf("people_walking_to_camera.mp4"));

        using var first = await NextAsync(camera);
        using var second = await NextAsync(camera);

        Assert.That((first.Image.Width, first.Image.Height), Is.EqualTo((1920, 1080)));
        Assert.That(second.Sequence, Is.GreaterThan(first.Sequence));
        Assert.That(camera.Health.State, Is.EqualTo(CameraState.Connected));
    }

    [Test]
    public async Task Image_folder_with_arbitrary_names_and_mixed_formats_delivers_its_photos()
    {
        File.Copy(FaceData.PathOf("bbt_amy/01.png"), Path.Combine(_root, "zeta.png"));
        File.Copy(FaceData.PathOf("deepface_01/01.jpg"), Path.Combine(_root, "Alpha shot.jpg"));
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not a frame");
        File.WriteAllText(Path.Combine(_root, "Broken.jpg"), "not a JPEG either; skipped");
        using var expectedFirst = FaceImage.Load(Path.Combine(_root, "Alpha shot.jpg"));
        using var camera = Start(_root, frameRate: 2);

        using var frame = await NextAsync(camera);
        using var next = await NextAsync(camera);

        Assert.That((frame.Image.Width, frame.Image.Height), Is.EqualTo((expectedFirst.Width, expectedFirst.Height)));
        Assert.That(frame.Sequence, Is.EqualTo(1));
        Assert.That((next.Image.Width, next.Sequence), Is.EqualTo((150, 2)), "Broken.jpg is skipped, zeta.png follows");
    }

    [Test]
    public async Task Recording_that_ends_is_reopened_and_keeps_delivering()
    {
        using var camera = Start(WriteVideo(frames: 3));

        await WaitUntilAsync(() => camera.Health.FramesCaptured > 6, "the 3-frame clip has played more than twice");
        using var frame = await NextAsync(camera);

        Assert.That(camera.Health.Reconnects, Is.GreaterThanOrEqualTo(2));
        Assert.That(frame.Image.Width, Is.EqualTo(160));
    }

    [Test]
    public async Task A_folder_that_has_played_starts_again_without_waiting_out_the_reconnect_backoff()
    {
        File.Copy(FaceData.PathOf("deepface_01/01.jpg"), Path.Combine(_root, "1.jpg"));
        File.Copy(FaceData.PathOf("deepface_01/02.jpg"), Path.Combine(_root, "2.jpg"));
        // A backoff this long would stall the replay for the whole test: only a failure may wait it out.
        using var camera = new CameraFrameSource(
            new CameraOptions { Source = _root, FrameRateLimit = 200, InitialBackoff = TimeSpan.FromHours(1), MaxBackoff = TimeSpan.FromHours(1) },
            ImageSizeLimit.Largest, TimeProvider.System);
        camera.Start();

        await WaitUntilAsync(() => camera.Health.FramesCaptured > 6, "the 2-photo folder has played three times");

        Assert.That(camera.Health.State, Is.EqualTo(CameraState.Connected));
    }

    [Test]
    public async Task Missing_folder_reports_reconnecting_then_connects_once_it_is_filled()
    {
        var folder = Path.Combine(_root, "later");
        using var camera = Start(folder);

        await WaitUntilAsync(() => camera.Health is { State: CameraState.Reconnecting, Reconnects: >= 2 }, "the camera retried the missing folder");
        Assert.That(camera.Health.LastError, Does.Contain(folder));

        Directory.CreateDirectory(folder);
        File.Copy(FaceData.PathOf("bbt_amy/01.png"), Path.Combine(folder, "frame.png"));
        using var frame = await NextAsync(camera);

        Assert.That(frame.Image.Width, Is.EqualTo(150));
        Assert.That(camera.Health.State, Is.EqualTo(CameraState.Connected));
    }

    [Test]
    public async Task A_video_whose_frames_exceed_the_pixel_limit_is_refused_before_a_frame_is_read()
    {
        using var camera = Start(WriteVideo(frames: 3), limit: new ImageSizeLimit(160 * 119, "Face:Worker:MaximumImagePixels"));

        await WaitUntilAsync(() => camera.Health is { State: CameraState.Reconnecting, Reconnects: >= 2 }, "the camera refused the clip twice");

        Assert.That(camera.Health.LastError, Does.Contain("160 × 120 pixels").And.Contain("Face:Worker:MaximumImagePixels"));
        Assert.That(camera.Health.FramesCaptured, Is.Zero);
    }

    [Test]
    public async Task A_file_ffmpeg_cannot_read_is_retried_and_says_why()
    {
        var fake = Path.Combine(_root, "fake.mp4");
        File.WriteAllText(fake, "not a video");
        using var camera = Start(fake);

        await WaitUntilAsync(() => camera.Health is { State: CameraState.Reconnecting, Reconnects: >= 2 }, "the camera retried the broken file");

        Assert.That(camera.Health.LastError, Does.StartWith($"ffprobe could not open the video file {fake}: "));
    }

    /// <summary>A stream that accepts the connection and then says nothing must not hold up stopping the camera.</summary>
    [Test]
    public async Task Stopping_does_not_wait_for_a_silent_stream()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var camera = Start($"rtsp://127.0.0.1:{port}/gate");
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(Patience);

        var stopped = Task.Run(camera.Dispose);

        Assert.That(await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(5))), Is.SameAs(stopped),
            "Dispose waited on ffprobe, whose own time-outs are 10-20 s");
        Assert.That(camera.Health.State, Is.EqualTo(CameraState.Stopped));
    }

    [Test]
    public async Task An_image_folder_skips_a_photo_over_the_pixel_limit_and_counts_it()
    {
        File.Copy(FaceData.PathOf("groups/couple.jpg"), Path.Combine(_root, "1-large.jpg"));
        File.Copy(FaceData.PathOf("bbt_amy/01.png"), Path.Combine(_root, "2-small.png"));
        using var camera = Start(_root, limit: new ImageSizeLimit(100_000, "Face:Worker:MaximumImagePixels"));

        using var frame = await NextAsync(camera);

        Assert.That(frame.Image.Width, Is.EqualTo(150));
        Assert.That(camera.Health.FramesRefused, Is.Positive);
    }

    [Test]
    public async Task Frames_not_taken_in_time_are_dropped_and_counted_not_queued()
    {
        using var camera = Start(WriteVideo(frames: 5), frameRate: 500);

        await WaitUntilAsync(() => camera.Health.FramesDropped >= 5, "frames were dropped");
        using var frame = await NextAsync(camera);
        var health = camera.Health;

        Assert.That(frame.Sequence, Is.GreaterThan(5), "the consumer gets the newest frame, not the oldest");
        Assert.That(health.FramesDropped, Is.GreaterThanOrEqualTo(health.FramesCaptured - 3));
    }

    [Test]
    public void Steady_capture_and_hand_off_allocate_nothing_on_either_thread()
    {
        // Both threads are niced in the daemon; a GC either one triggers stops the card and PIN threads too.
        using var camera = Start(ModelCacheSetup.PathOf("people_walking_to_camera.mp4"), frameRate: 1000);
        using var timeout = new CancellationTokenSource(Patience);
        long TakeFrames(int count)
        {
            var lastSequence = 0L;
            for (var i = 0; i < count; i++)
            {
                using var frame = camera.NextFrame(timeout.Token);
                lastSequence = frame.Image.Width == 1920 ? frame.Sequence : -1;
            }

            return lastSequence;
        }

        TakeFrames(10);
        var consumerBefore = GC.GetAllocatedBytesForCurrentThread();
        var captureBefore = camera.CaptureThreadAllocatedBytes;
        var sequenceBefore = TakeFrames(1);
        var sequenceAfter = TakeFrames(30);
        var consumer = GC.GetAllocatedBytesForCurrentThread() - consumerBefore;
        var capture = camera.CaptureThreadAllocatedBytes - captureBefore;

        Assert.That(sequenceBefore, Is.Positive, "full-size frames");
        Assert.That(sequenceAfter - sequenceBefore, Is.GreaterThanOrEqualTo(30));
        Assert.That((consumer, capture), Is.EqualTo((0L, 0L)), "bytes allocated by the consumer and the capture thread");
    }

    [Test]
    public async Task A_pooled_frame_disposed_twice_goes_back_once()
    {
        using var camera = Start(WriteVideo(frames: 5));
        var first = await NextAsync(camera);
        first.Dispose();
        first.Dispose();

        using var second = await NextAsync(camera);
        using var third = await NextAsync(camera);

        Assert.That(second, Is.Not.SameAs(third), "one frame handed out twice at once");
        Assert.That(third.Sequence, Is.GreaterThan(second.Sequence));
    }

    [Test]
    public void Options_with_a_max_backoff_below_the_initial_backoff_are_refused()
    {
        var options = new CameraOptions { Source = "0", InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(1) };

        Assert.That(() => new CameraFrameSource(options, ImageSizeLimit.Largest, TimeProvider.System), Throws.ArgumentException.With.Message.Contains("MaxBackoff"));
    }

    [Test]
    public void Options_validator_names_an_empty_source()
    {
        var result = new CameraOptionsValidator().Validate(null, new CameraOptions());

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(nameof(CameraOptions.Source)));
    }
}
