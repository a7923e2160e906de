using System.Numerics;
using System.Numerics.Tensors;
using GateController.Vision.Detection;

namespace GateController.FaceChannel;

/// <summary>
/// The deciding face of one camera frame: where it is, how sure the detector is, and its embedding. One
/// instance is reused on each side of the channel, so a result costs no allocation in either process.
/// </summary>
public sealed class FaceObservation(int dimension)
{
    /// <summary>An embedding of unit length, give or take rounding; anything far off was not made by our embedder.</summary>
    private const float UnitLengthTolerance = 0.05f;

    /// <summary>When the frame was captured, on the machine's monotonic clock (Stopwatch ticks), which both processes share.</summary>
    public long CapturedTimestamp { get; set; }

    public long FrameSequence { get; set; }

    /// <summary>When the worker sent it (same clock): the daemon's hop from here to the decision is measured by the benchmark.</summary>
    public long SentTimestamp { get; set; }

    public DetectedFace Face { get; set; }

    /// <summary>How many faces the frame showed (the deciding one is the largest).</summary>
    public int FacesInFrame { get; set; }

    public float[] Embedding { get; } = new float[dimension];

    public int PayloadLength => (8 * 3) + (4 * 15) + (2 * 2) + (4 * Embedding.Length);

    public void WriteTo(ref PayloadWriter writer)
    {
        writer.WriteInt64(CapturedTimestamp);
        writer.WriteInt64(FrameSequence);
        writer.WriteInt64(SentTimestamp);
        var face = Face;
        writer.WriteSingle(face.X);
        writer.WriteSingle(face.Y);
        writer.WriteSingle(face.Width);
        writer.WriteSingle(face.Height);
        writer.WriteSingle(face.Score);
        for (var i = 0; i < FaceLandmarks.Count; i++)
        {
            writer.WriteSingle(face.Landmarks[i].X);
            writer.WriteSingle(face.Landmarks[i].Y);
        }

        writer.WriteUInt16((ushort)Math.Min(FacesInFrame, ushort.MaxValue));
        writer.WriteUInt16((ushort)Embedding.Length);
        writer.WriteSingles(Embedding);
    }

    /// <summary>Fills this instance from a received payload, checking every field.</summary>
    /// <exception cref="FaceChannelViolationException">The payload is not a face this daemon can use.</exception>
    public void ReadFrom(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, FaceMessageType.FaceObservation);
        CapturedTimestamp = reader.ReadInt64();
        FrameSequence = reader.ReadInt64();
        SentTimestamp = reader.ReadInt64();
        var x = reader.ReadSingle();
        var y = reader.ReadSingle();
        var width = reader.ReadSingle();
        var height = reader.ReadSingle();
        var score = reader.ReadSingle();
        var landmarks = new FaceLandmarks(
            new Vector2(reader.ReadSingle(), reader.ReadSingle()),
            new Vector2(reader.ReadSingle(), reader.ReadSingle()),
            new Vector2(reader.ReadSingle(), reader.ReadSingle()),
            new Vector2(reader.ReadSingle(), reader.ReadSingle()),
            new Vector2(reader.ReadSingle(), reader.ReadSingle()));
        FacesInFrame = reader.ReadUInt16();
        var dimension = reader.ReadUInt16();
        if (dimension != Embedding.Length)
        {
            throw new FaceChannelViolationException($"a face embedding of {dimension} values arrived; the enrolled templates have {Embedding.Length}");
        }

        reader.ReadSingles(Embedding);
        reader.ExpectEnd();
        if (width <= 0 || height <= 0 || score is < 0 or > 1 || FacesInFrame < 1)
        {
            throw new FaceChannelViolationException("a face observation has an empty box, a score outside 0..1 or no face");
        }

        var length = MathF.Sqrt(TensorPrimitives.Dot<float>(Embedding, Embedding));
        if (MathF.Abs(length - 1) > UnitLengthTolerance)
        {
            throw new FaceChannelViolationException($"a face embedding has length {length:0.###}; the embedder's are of unit length");
        }

        Face = new DetectedFace(x, y, width, height, score, landmarks);
    }
}
