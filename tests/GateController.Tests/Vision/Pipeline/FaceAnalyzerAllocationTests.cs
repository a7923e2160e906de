using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Pipeline;

namespace GateController.Tests.Vision.Pipeline;

/// <summary>
/// The per-frame face path allocates no managed memory once warm: the daemon runs it on a niced thread, and a
/// gen0 GC triggered there stops the card and PIN threads for 20-37 ms under load (README "Latency under face load").
/// Measured with the real models and OpenCV on real photos, on the calling thread.
/// </summary>
public sealed class FaceAnalyzerAllocationTests
{
    private const int Rounds = 20;

    // Same-sized (150x150) photos, as a camera's frames are: the detector keeps its tensors per input size.
    private static readonly string[] Faces = ["bbt_amy/02.png", "bbt_howard/02.png", "bbt_penny/03.png", "bbt_sheldon/02.png"];
    private static readonly string NoFace = "negatives/blank_white.png";

    private FaceAnalyzer _analyzer = null!;
    private List<FaceImage> _faces = null!;
    private FaceImage _noFace = null!;

    [OneTimeSetUp]
    public void EnrolAndLoad()
    {
        _analyzer = new FaceAnalyzer(SharedVision.Detector, SharedVision.Embedder, new TemplateIndex(SharedVision.Embedder.Dimension));
        foreach (var person in new[] { "bbt_amy", "bbt_howard", "bbt_leonard" })
        {
            _analyzer.Index.Add(person, SharedVision.EmbeddingOf(FaceData.EnrolmentPhotoOf(person)));
        }

        _faces = [.. Faces.Select(p => FaceImage.Load(FaceData.PathOf(p)))];
        _noFace = FaceImage.Load(FaceData.PathOf(NoFace));
        Assert.That(_faces.Concat([_noFace]).Select(i => (i.Width, i.Height)).Distinct().Count(), Is.EqualTo(1), "the frames must share one size");
    }

    [OneTimeTearDown]
    public void Close()
    {
        _faces.ForEach(f => f.Dispose());
        _noFace.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>Managed bytes this thread allocates over <see cref="Rounds"/> passes of <paramref name="frame"/>, after two to warm up.</summary>
    private static long AllocatedOver(Action frame)
    {
        frame();
        frame();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            frame();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Test]
    public void AnalyzeDecidingFace_allocates_nothing_per_frame_with_a_face()
    {
        var found = 0;
        var allocated = AllocatedOver(() =>
        {
            foreach (var image in _faces)
            {
                found += _analyzer.AnalyzeDecidingFace(image) is { Match: not null } ? 1 : 0;
            }
        });

        Assert.That(found, Is.EqualTo((Rounds + 2) * _faces.Count), "every photo shows a face that was matched");
        Assert.That(allocated, Is.Zero, $"{allocated} bytes over {Rounds * _faces.Count} frames");
    }

    [Test]
    public void AnalyzeDecidingFace_allocates_nothing_per_frame_without_a_face()
    {
        var found = 0;
        var allocated = AllocatedOver(() => found += _analyzer.AnalyzeDecidingFace(_noFace) is null ? 0 : 1);

        Assert.That(found, Is.Zero);
        Assert.That(allocated, Is.Zero, $"{allocated} bytes over {Rounds} frames");
    }

    [Test]
    public void AnalyzeDecidingFace_gives_the_same_face_and_match_as_Analyze()
    {
        foreach (var image in _faces.Append(_noFace))
        {
            var deciding = _analyzer.AnalyzeDecidingFace(image);

            Assert.That(deciding, Is.EqualTo(_analyzer.Analyze(image).Deciding));
        }
    }

    [Test]
    public void Analyze_results_are_the_callers_and_survive_later_frames()
    {
        var first = _analyzer.Analyze(_faces[0]);
        var faces = first.Faces.ToList();
        var timings = first.Timings.Select(t => t.Stage).ToList();

        _analyzer.Analyze(_noFace);
        _analyzer.AnalyzeDecidingFace(_faces[1]);

        Assert.That(first.Faces, Is.EqualTo(faces));
        Assert.That(first.Timings.Select(t => t.Stage), Is.EqualTo(timings));
    }
}
