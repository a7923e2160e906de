using GateController.Vision.Quality;

namespace GateController.FaceChannel;

/// <summary>How many deciding faces the worker's quality gate refused, per reason, since the worker started.</summary>
public readonly record struct QualityRefusals(long TooSmall, long TurnedAway, long Backlit, long TooDark, long Overexposed, long Blurred)
{
    public const int PayloadLength = 6 * 8;

    /// <summary>One counter per <see cref="FaceQuality"/> value, for the worker to increment.</summary>
    public static long[] NewCounters() => new long[(int)FaceQuality.Blurred + 1];

    public static QualityRefusals Snapshot(long[] counters) => new(
        Interlocked.Read(ref counters[(int)FaceQuality.TooSmall]),
        Interlocked.Read(ref counters[(int)FaceQuality.TurnedAway]),
        Interlocked.Read(ref counters[(int)FaceQuality.Backlit]),
        Interlocked.Read(ref counters[(int)FaceQuality.TooDark]),
        Interlocked.Read(ref counters[(int)FaceQuality.Overexposed]),
        Interlocked.Read(ref counters[(int)FaceQuality.Blurred]));

    public void WriteTo(ref PayloadWriter writer)
    {
        writer.WriteInt64(TooSmall);
        writer.WriteInt64(TurnedAway);
        writer.WriteInt64(Backlit);
        writer.WriteInt64(TooDark);
        writer.WriteInt64(Overexposed);
        writer.WriteInt64(Blurred);
    }

    /// <exception cref="FaceChannelViolationException">A negative count.</exception>
    public static QualityRefusals Read(ref PayloadReader reader)
    {
        var counts = new QualityRefusals(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        return counts is { TooSmall: >= 0, TurnedAway: >= 0, Backlit: >= 0, TooDark: >= 0, Overexposed: >= 0, Blurred: >= 0 }
            ? counts
            : throw new FaceChannelViolationException("a heartbeat counts a negative number of refused faces");
    }

    /// <summary>For <c>status</c>: one count per reason, under the reason's name.</summary>
    public IReadOnlyDictionary<string, object> ToFacts() => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["tooSmall"] = TooSmall,
        ["turnedAway"] = TurnedAway,
        ["backlit"] = Backlit,
        ["tooDark"] = TooDark,
        ["overexposed"] = Overexposed,
        ["blurred"] = Blurred,
    };
}
