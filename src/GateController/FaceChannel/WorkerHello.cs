namespace GateController.FaceChannel;

/// <summary>The face process's first message: which models it opened and what its sandbox enforces.</summary>
public sealed record WorkerHello(int ProcessId, int EmbeddingDimension, string DetectorSha256, string EmbedderSha256, string Sandbox)
{
    public void Send(FaceChannelWriter writer) =>
        writer.Write(FaceMessageType.Hello, 8 + (3 * (PayloadReader.MaximumStringBytes + 2)), this, static (ref PayloadWriter w, WorkerHello hello) =>
        {
            w.WriteInt32(hello.ProcessId);
            w.WriteUInt16((ushort)hello.EmbeddingDimension);
            w.WriteString(hello.DetectorSha256);
            w.WriteString(hello.EmbedderSha256);
            w.WriteString(hello.Sandbox);
        });

    public static WorkerHello Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, FaceMessageType.Hello);
        var hello = new WorkerHello(reader.ReadInt32(), reader.ReadUInt16(), reader.ReadString(), reader.ReadString(), reader.ReadString());
        reader.ExpectEnd();
        return hello;
    }
}
