namespace GateController.FaceChannel;

/// <summary>
/// An uploaded image with its faces drawn on, as PNG, with the aiming notes that were drawn. The daemon passes the
/// bytes to the admin client without decoding or storing them.
/// </summary>
public sealed record OverlayReply(int FaceCount, IReadOnlyList<string> Notes, byte[] Png)
{
    /// <summary>A 1080p frame's PNG is a few MB; an overlay over this is refused rather than buffered.</summary>
    public const int MaximumPayloadBytes = 8 * 1024 * 1024;

    private const int MaximumNotes = 16;

    public void Send(FaceChannelWriter writer)
    {
        var notes = Notes.Take(MaximumNotes).ToList();
        writer.Write(FaceMessageType.OverlayReply, 2 + 1 + (notes.Count * (2 + PayloadReader.MaximumStringBytes)) + Png.Length, (this, notes), static (ref PayloadWriter w, (OverlayReply Reply, List<string> Notes) state) =>
        {
            w.WriteUInt16((ushort)Math.Min(state.Reply.FaceCount, ushort.MaxValue));
            w.WriteByte((byte)state.Notes.Count);
            foreach (var note in state.Notes)
            {
                w.WriteString(note);
            }

            w.WriteBytes(state.Reply.Png);
        });
    }

    /// <exception cref="FaceChannelViolationException">A malformed reply.</exception>
    public static OverlayReply Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, FaceMessageType.OverlayReply);
        var faces = reader.ReadUInt16();
        var count = reader.ReadByte();
        if (count > MaximumNotes)
        {
            throw new FaceChannelViolationException($"an overlay reply carries {count} notes (limit {MaximumNotes})");
        }

        var notes = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            notes.Add(reader.ReadString());
        }

        return new OverlayReply(faces, notes, reader.ReadRest().ToArray());
    }
}
