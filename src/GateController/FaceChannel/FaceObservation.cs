using System.Numerics;
using System.Numerics.Tensors;
using GateController.Vision.Detection;
using GateController.Vision.Quality;

namespace GateController.FaceChannel;

/// <summary>
/// The deciding face of one camera frame: where it is, how sure the detector is, its quality, its liveness score and,
/// when quality let it through, its embedding. One instance is reused on each side of the channel, so a result costs
/// no allocation in either process.
/// </summary>
public sealed class FaceObservation(int dimension)
{
    /// <summary>An embedding of unit length, give or take rounding; anything far off was not made by our embedder.</summary>
    private const float UnitLengthTolerance = 0.05f;

    private const byte EmbeddedFlag = 1;
    private const byte LivenessFlag = 2;

    /// <summary>When the frame was captured, on the machine's monotonic clock (Stopwatch ticks), which both processes share.</summary>
    public long CapturedTimestamp { get; set; }

    public long FrameSequence { get; set; }

    /// <summary>When the worker sent it (same clock): the daemon's hop from here to the decision is measured by the benchmark.</summary>
    public long SentTimestamp { get; set; }

    public DetectedFace Face { get; set; }

    /// <summary>How many faces the frame showed (the deciding one is the largest).</summary>
    public int FacesInFrame { get; set; }

    /// <summary>Good, or the first reason the worker's quality gate refused the face (it is then not embedded).</summary>
    public FaceQuality Quality { get; set; }

    /// <summary>P(real) 0..1, or NaN when liveness did not run (not required, or the face failed quality).</summary>
    public float LivenessScore { get; set; } = float.NaN;

    /// <summary>Whether <see cref="Embedding"/> holds the face's embedding; when not, it is sent as zeros.</summary>
    public bool HasEmbedding { get; set; } = true;

    public float[] Embedding { get; } = new float[dimension];

    public int PayloadLength => (8 * 3) + (4 * 15) + 2 + 2 + 4 + 2 + (4 * Embedding.Length);

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
        writer.WriteByte((byte)Quality);
        var scored = !float.IsNaN(LivenessScore);
        writer.WriteByte((byte)((HasEmbedding ? EmbeddedFlag : 0) | (scored ? LivenessFlag : 0)));
        writer.WriteSingle(scored ? LivenessScore : 0);
        writer.WriteUInt16((ushort)Embedding.Length);
        foreach (var value in Embedding)
        {
            writer.WriteSingle(HasEmbedding ? value : 0);
        }
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
        var quality = reader.ReadByte();
        var flags = reader.ReadByte();
        var liveness = reader.ReadSingle();
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

        CheckVerdicts(quality, flags, liveness);
        var length = MathF.Sqrt(TensorPrimitives.Dot<float>(Embedding, Embedding));
        if (HasEmbedding && MathF.Abs(length - 1) > UnitLengthTolerance)
        {
            throw new FaceChannelViolationException($"a face embedding has length {length:0.###}; the embedder's are of unit length");
        }

        if (!HasEmbedding && length != 0)
        {
            throw new FaceChannelViolationException("a face observation without an embedding carries embedding values");
        }

        Face = new DetectedFace(x, y, width, height, score, landmarks);
    }

    /// <summary>Quality, liveness and the embedding flag must agree: liveness and embedding only follow a good face.</summary>
    private void CheckVerdicts(byte quality, byte flags, float liveness)
    {
        if (!Enum.IsDefined((FaceQuality)quality) || (flags & ~(EmbeddedFlag | LivenessFlag)) != 0)
        {
            throw new FaceChannelViolationException($"a face observation has an unknown quality {quality} or flags {flags}");
        }

        var scored = (flags & LivenessFlag) != 0;
        if (scored ? liveness is < 0 or > 1 : liveness != 0)
        {
            throw new FaceChannelViolationException($"a face observation has a liveness score of {liveness}; expected 0..1, or 0 when not scored");
        }

        Quality = (FaceQuality)quality;
        HasEmbedding = (flags & EmbeddedFlag) != 0;
        LivenessScore = scored ? liveness : float.NaN;
        if (Quality != FaceQuality.Good && (HasEmbedding || scored))
        {
            throw new FaceChannelViolationException($"a face refused as {Quality} was still scored or embedded");
        }
    }
}
