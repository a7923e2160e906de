using GateController.Tests.Vision.Camera;
using GateController.Vision.Camera;
using GateController.Vision.Imaging;
using GateController.Vision.Motion;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Vision.Motion;

/// <summary>The motion gate on real footage: the walking clip, a still clip made from a photo, a person appearing.</summary>
public sealed class MotionGateTests
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(40);
    private string _root = "";

    [SetUp]
    public void CreateTempDirectory() => _root = Directory.CreateTempSubdirectory("gate-motion-").FullName;

    [TearDown]
    public void DeleteTempDirectory() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_still_clip_reaches_the_detector_only_on_its_first_frame_and_at_the_keep_alive_rate()
    {
        var clip = TestClips.Still(Path.Combine(_root, "still.mp4"), FaceData.PathOf("deepface_01/01.jpg"), frames: 150);
        var (gate, _, largest) = Play(clip, 150, new MotionOptions());

        TestContext.Out.WriteLine($"still clip: largest cell difference {largest.Max():F1} grey levels");
        // 150 frames at 25 fps = 6 s: the first frame, then one keep-alive every 2 s.
        Assert.That(gate.FramesPassed, Is.EqualTo(1 + 2));
        Assert.That(gate.FramesGated, Is.EqualTo(150 - 3));
    }

    [Test]
    public void The_walking_clip_keeps_the_detector_running()
    {
        var (gate, changed, _) = Play(ModelCacheSetup.PathOf("people_walking_to_camera.mp4"), 100, new MotionOptions());

        TestContext.Out.WriteLine($"walking clip: changed cells per frame min {changed.Min()}, median {changed.Order().ElementAt(changed.Count / 2)}");
        Assert.That(gate.FramesPassed, Is.EqualTo(100), "people walk through every frame of the clip");
    }

    [Test]
    public void A_person_appearing_after_a_static_period_is_analysed_on_the_frame_they_appear()
    {
        using var person = FaceImage.Load(FaceData.PathOf("deepface_01/01.jpg"));
        using var empty = EmptyScene(person);
        var time = new FakeTimeProvider();
        var gate = new MotionGate(new MotionOptions(), time);
        for (var frame = 0; frame < 40; frame++)
        {
            gate.ShouldAnalyse(empty, time.GetTimestamp());
            time.Advance(FrameInterval);
        }

        Assert.That(gate.FramesPassed, Is.EqualTo(1), "1.6 s of the empty scene: only its first frame, no keep-alive yet");
        Assert.That(gate.ShouldAnalyse(person, time.GetTimestamp()), Is.True);
        TestContext.Out.WriteLine($"a face appearing: {gate.LastChangedCells} cells changed, largest {gate.LastLargestDifference:F1}");
    }

    [Test]
    public void Switched_off_the_gate_lets_every_frame_through()
    {
        var clip = TestClips.Still(Path.Combine(_root, "still.mp4"), FaceData.PathOf("deepface_01/01.jpg"), frames: 30);
        var (gate, _, _) = Play(clip, 30, new MotionOptions { Enabled = false });

        Assert.That((gate.FramesPassed, gate.FramesGated), Is.EqualTo((30, 0)));
    }

    [Test]
    public void Looking_at_a_frame_allocates_nothing()
    {
        using var person = FaceImage.Load(FaceData.PathOf("deepface_01/01.jpg"));
        var time = new FakeTimeProvider();
        var gate = new MotionGate(new MotionOptions(), time);
        gate.ShouldAnalyse(person, time.GetTimestamp());

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            time.Advance(FrameInterval);
            gate.ShouldAnalyse(person, time.GetTimestamp());
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    /// <summary>Plays the first <paramref name="frames"/> frames of a clip through a gate at 25 fps of fake time.</summary>
    private static (MotionGate Gate, List<int> ChangedCells, List<float> LargestDifferences) Play(string clip, int frames, MotionOptions options)
    {
        var time = new FakeTimeProvider();
        var gate = new MotionGate(options, time);
        var changed = new List<int>();
        var largest = new List<float>();
        using var reader = FfmpegFrameReader.Open(CameraSource.Parse(clip), ImageSizeLimit.Largest, CancellationToken.None);
        using var image = new FaceImage(1, 1);
        for (var frame = 0; frame < frames; frame++)
        {
            Assert.That(reader.TryRead(image), Is.True, $"frame {frame} of {clip}");
            gate.ShouldAnalyse(image, time.GetTimestamp());
            changed.Add(gate.LastChangedCells);
            largest.Add(gate.LastLargestDifference);
            time.Advance(FrameInterval);
        }

        return (gate, changed, largest);
    }

    /// <summary>The photo with its middle (where the face is) painted a flat grey: the scene before the person came.</summary>
    private static FaceImage EmptyScene(FaceImage person)
    {
        var empty = new FaceImage(person.Width, person.Height);
        person.Pixels.CopyTo(empty.Pixels);
        for (var y = person.Height / 5; y < person.Height * 4 / 5; y++)
        {
            empty.Row(y).Slice(3 * (person.Width / 5), 3 * (person.Width * 3 / 5)).Fill(128);
        }

        return empty;
    }
}
