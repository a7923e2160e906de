using GateController.FaceChannel;
using GateController.Vision.Detection;
using GateController.Vision.Quality;

namespace GateController.Tests.FaceChannel;

/// <summary>The observation's quality, liveness and embedding fields cross the channel intact, and a bad one is a violation.</summary>
public sealed class FaceObservationProtocolTests
{
    private const int Dimension = 4;

    private static FaceObservation Good() => new(Dimension)
    {
        FacesInFrame = 1,
        Face = new DetectedFace(10, 20, 100, 120, 0.9f, new FaceLandmarks(new(40, 60), new(80, 60), new(60, 80), new(45, 100), new(75, 100))),
        Quality = FaceQuality.Good,
        LivenessScore = 0.87f,
        Embedding = { [0] = 1 },
    };

    private static byte[] Bytes(FaceObservation observation)
    {
        var buffer = new byte[observation.PayloadLength];
        var writer = new PayloadWriter(buffer);
        observation.WriteTo(ref writer);
        Assert.That(writer.Length, Is.EqualTo(buffer.Length));
        return buffer;
    }

    private static FaceObservation Read(byte[] payload)
    {
        var received = new FaceObservation(Dimension);
        received.ReadFrom(payload);
        return received;
    }

    [Test]
    public void A_scored_embedded_face_arrives_as_sent()
    {
        var received = Read(Bytes(Good()));

        Assert.That((received.Quality, received.LivenessScore, received.HasEmbedding, received.Embedding[0]), Is.EqualTo((FaceQuality.Good, 0.87f, true, 1f)));
    }

    [Test]
    public void A_face_refused_for_quality_arrives_unscored_and_without_its_embedding()
    {
        var refused = Good();
        refused.Quality = FaceQuality.Blurred;
        refused.LivenessScore = float.NaN;
        refused.HasEmbedding = false;

        var received = Read(Bytes(refused));

        Assert.That((received.Quality, float.IsNaN(received.LivenessScore), received.HasEmbedding), Is.EqualTo((FaceQuality.Blurred, true, false)));
        Assert.That(received.Embedding, Is.All.Zero, "the worker sends zeros for a face it did not embed");
    }

    // Offsets into the payload: 3 longs, 15 floats, faces in frame, then quality, flags and the liveness score.
    private const int QualityOffset = (8 * 3) + (4 * 15) + 2;

    [TestCase(QualityOffset, (byte)99, TestName = "An unknown quality is a violation")]
    [TestCase(QualityOffset + 1, (byte)0x80, TestName = "An unknown flag is a violation")]
    [TestCase(QualityOffset, (byte)FaceQuality.TooSmall, TestName = "A refused face that was scored and embedded is a violation")]
    public void A_bad_verdict_byte_is_a_violation(int offset, byte value)
    {
        var payload = Bytes(Good());
        payload[offset] = value;

        Assert.Throws<FaceChannelViolationException>(() => Read(payload));
    }

    [Test]
    public void A_liveness_score_outside_0_to_1_is_a_violation()
    {
        var observation = Good();
        observation.LivenessScore = 1.5f;

        Assert.Throws<FaceChannelViolationException>(() => Read(Bytes(observation)));
    }

    [Test]
    public void An_embedding_sent_for_a_face_said_to_have_none_is_a_violation()
    {
        var payload = Bytes(Good());
        payload[QualityOffset + 1] = 2; // scored, not embedded, but the embedding values are still there

        Assert.Throws<FaceChannelViolationException>(() => Read(payload));
    }

    [Test]
    public void A_heartbeat_carries_the_quality_refusals_and_refuses_a_negative_count()
    {
        var counts = new QualityRefusals(1, 2, 3, 4, 5, 6);
        var beat = new WorkerHeartbeat(10, 0, 10, 8, 0, 0, true, 0, "", QualityRefused: counts);

        Assert.That(RoundTrip(beat).QualityRefused, Is.EqualTo(counts));
        Assert.Throws<FaceChannelViolationException>(() => RoundTrip(beat with { QualityRefused = counts with { Blurred = -1 } }));
    }

    private static WorkerHeartbeat RoundTrip(WorkerHeartbeat beat)
    {
        using var stream = new MemoryStream();
        beat.Send(new FaceChannelWriter(stream));
        var frame = stream.ToArray();
        return WorkerHeartbeat.Parse(frame.AsSpan(FaceChannelFrame.HeaderLength));
    }
}
