namespace GateController.FaceChannel;

/// <summary>
/// One uploaded image for an analysis process; <paramref name="Name"/> names it in refusals. Sent as an
/// <see cref="FaceMessageType.AnalysisRequest"/> or, same layout, an <see cref="FaceMessageType.OverlayRequest"/>.
/// </summary>
public readonly ref struct AnalysisRequest(string name, ReadOnlySpan<byte> image)
{
    /// <summary>The admin API accepts uploads up to 64 MB; the frame limit follows.</summary>
    public const int MaximumPayloadBytes = (64 * 1024 * 1024) + 4096;

    public string Name { get; } = name;

    public ReadOnlySpan<byte> Image { get; } = image;

    public void Send(FaceChannelWriter writer, FaceMessageType type = FaceMessageType.AnalysisRequest) =>
        writer.Write(type, 2 + PayloadReader.MaximumStringBytes + Image.Length, this, static (ref PayloadWriter w, AnalysisRequest request) =>
        {
            w.WriteString(request.Name);
            w.WriteBytes(request.Image);
        });

    public static AnalysisRequest Parse(ReadOnlySpan<byte> payload, FaceMessageType type = FaceMessageType.AnalysisRequest)
    {
        var reader = new PayloadReader(payload, type);
        var name = reader.ReadString();
        return new AnalysisRequest(name, reader.ReadRest());
    }
}
