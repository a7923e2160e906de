using GateController.Core.Access;
using GateController.Face;
using GateController.Tests.Vision;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Face;

/// <summary>
/// The daemon's face loop step on the real pipeline: a frame with no face, and a face decided on moments ago
/// (throttled), allocate nothing on the (niced) face thread; only an attempt that is submitted allocates.
/// </summary>
public sealed class FaceRecognitionLoopAllocationTests
{
    private const int Frames = 20;
    private FaceAnalyzer _analyzer = null!;
    private FaceImage _enrolled = null!;
    private FaceImage _stranger = null!;
    private FaceImage _noFace = null!;

    [OneTimeSetUp]
    public void Open()
    {
        _analyzer = new FaceAnalyzer(SharedVision.Detector, SharedVision.Embedder, new TemplateIndex(SharedVision.Embedder.Dimension));
        _analyzer.Index.Add("bbt_amy", SharedVision.EmbeddingOf(FaceData.EnrolmentPhotoOf("bbt_amy")));
        _enrolled = FaceImage.Load(FaceData.PathOf("bbt_amy/02.png"));
        _stranger = FaceImage.Load(FaceData.PathOf("bbt_raj/02.png"));
        _noFace = FaceImage.Load(FaceData.PathOf("negatives/blank_white.png"));
    }

    [OneTimeTearDown]
    public void Close()
    {
        _enrolled.Dispose();
        _stranger.Dispose();
        _noFace.Dispose();
        _analyzer.Dispose();
    }

    private static long AllocatedOver(Func<AccessAttempt?> frame, out int submitted)
    {
        submitted = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Frames; i++)
        {
            submitted += frame() is null ? 0 : 1;
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Test]
    public void Frames_without_a_face_and_throttled_faces_allocate_nothing()
    {
        var time = new FakeTimeProvider();
        var throttle = new FaceAttemptThrottle(time, FacePathOptions.DefaultRepeatInterval);
        var threshold = FaceDecisionOptions.DefaultMatchThreshold;
        var first = FaceRecognitionLoop.Decide(_analyzer, _enrolled, throttle, threshold, time.GetTimestamp());
        var firstStranger = FaceRecognitionLoop.Decide(_analyzer, _stranger, throttle, threshold, time.GetTimestamp());
        FaceRecognitionLoop.Decide(_analyzer, _noFace, throttle, threshold, time.GetTimestamp());

        var noFace = AllocatedOver(() => FaceRecognitionLoop.Decide(_analyzer, _noFace, throttle, threshold, 0), out var noFaceSubmitted);
        var sameFace = AllocatedOver(() => FaceRecognitionLoop.Decide(_analyzer, _enrolled, throttle, threshold, 0), out var sameSubmitted);
        var stranger = AllocatedOver(() => FaceRecognitionLoop.Decide(_analyzer, _stranger, throttle, threshold, 0), out var strangerSubmitted);

        Assert.That(first?.Credential, Is.EqualTo(new FaceMatchCredential("bbt_amy", ((FaceMatchCredential)first!.Credential).Similarity, null, -1f)));
        Assert.That(((FaceMatchCredential)firstStranger!.Credential).Similarity, Is.LessThan(threshold));
        Assert.That((noFaceSubmitted, sameSubmitted, strangerSubmitted), Is.EqualTo((0, 0, 0)), "all throttled or faceless");
        Assert.That((noFace, sameFace, stranger), Is.EqualTo((0L, 0L, 0L)), $"bytes over {Frames} frames each");
    }

    [Test]
    public void A_face_is_submitted_again_once_the_repeat_interval_has_passed()
    {
        var time = new FakeTimeProvider();
        var throttle = new FaceAttemptThrottle(time, FacePathOptions.DefaultRepeatInterval);
        var threshold = FaceDecisionOptions.DefaultMatchThreshold;

        var first = FaceRecognitionLoop.Decide(_analyzer, _enrolled, throttle, threshold, 1);
        var throttled = FaceRecognitionLoop.Decide(_analyzer, _enrolled, throttle, threshold, 2);
        time.Advance(FacePathOptions.DefaultRepeatInterval);
        var again = FaceRecognitionLoop.Decide(_analyzer, _enrolled, throttle, threshold, 3);

        Assert.That((first?.PresentedTimestamp, throttled, again?.PresentedTimestamp), Is.EqualTo(((long?)1, (AccessAttempt?)null, (long?)3)));
        Assert.That(again!.ReaderId, Is.EqualTo(FaceRecognitionLoop.ReaderId));
    }
}
