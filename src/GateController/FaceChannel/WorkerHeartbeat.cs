namespace GateController.FaceChannel;

/// <summary>
/// "Still alive and making progress", with the camera's counters. The worker sends it only while its frame loop
/// is not stuck inside one frame, so a hang in native code stops the heartbeats like a stopped process does.
/// </summary>
public readonly record struct WorkerHeartbeat(
    long FramesCaptured,
    long FramesDropped,
    long FramesAnalysed,
    long FramesWithFace,
    long FramesRefused,
    int Reconnects,
    bool CameraConnected,
    long LastFrameUnixMilliseconds,
    string CameraProblem,
    long FramesGated = 0,
    QualityRefusals QualityRefused = default)
{
    public const int PayloadLength = (8 * 5) + 4 + 1 + 8 + QualityRefusals.PayloadLength + 2 + PayloadReader.MaximumStringBytes + 8;

    public void Send(FaceChannelWriter writer) =>
        writer.Write(FaceMessageType.Heartbeat, PayloadLength, this, static (ref PayloadWriter w, WorkerHeartbeat beat) =>
        {
            w.WriteInt64(beat.FramesCaptured);
            w.WriteInt64(beat.FramesDropped);
            w.WriteInt64(beat.FramesAnalysed);
            w.WriteInt64(beat.FramesWithFace);
            w.WriteInt64(beat.FramesRefused);
            w.WriteInt32(beat.Reconnects);
            w.WriteByte(beat.CameraConnected ? (byte)1 : (byte)0);
            w.WriteInt64(beat.LastFrameUnixMilliseconds);
            beat.QualityRefused.WriteTo(ref w);
            w.WriteString(beat.CameraProblem);
            w.WriteInt64(beat.FramesGated);
        });

    public static WorkerHeartbeat Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, FaceMessageType.Heartbeat);
        var (captured, dropped, analysed, withFace, refused) = (reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        var (reconnects, connected, lastFrame) = (reader.ReadInt32(), reader.ReadByte() != 0, reader.ReadInt64());
        var qualityRefused = QualityRefusals.Read(ref reader);
        var beat = new WorkerHeartbeat(captured, dropped, analysed, withFace, refused, reconnects, connected, lastFrame, reader.ReadString(), reader.ReadInt64(), qualityRefused);
        reader.ExpectEnd();
        return beat;
    }
}
