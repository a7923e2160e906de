namespace GateController.FaceChannel;

/// <summary>What kept a face process from its work.</summary>
public enum WorkerFailureKind : byte
{
    /// <summary>A native library (ONNX Runtime, the image or capture stack) would not load.</summary>
    NativeLibrary = 1,

    /// <summary>A model file would not open.</summary>
    Models = 2,

    /// <summary>The settings frame was unusable.</summary>
    Settings = 3,

    /// <summary>An uploaded image was refused (not an image, too many pixels, ...).</summary>
    Image = 4,

    /// <summary>The camera source failed in a way its reconnect loop does not handle.</summary>
    Camera = 5,
}

/// <summary>A face process's last word before it exits, or an analysis process's refusal of one image.</summary>
public sealed record WorkerFailure(WorkerFailureKind Kind, string Message)
{
    public void Send(FaceChannelWriter writer) =>
        writer.Write(FaceMessageType.Failure, 1 + 2 + PayloadReader.MaximumStringBytes, this, static (ref PayloadWriter w, WorkerFailure failure) =>
        {
            w.WriteByte((byte)failure.Kind);
            w.WriteString(failure.Message);
        });

    public static WorkerFailure Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, FaceMessageType.Failure);
        var kind = (WorkerFailureKind)reader.ReadByte();
        var failure = new WorkerFailure(Enum.IsDefined(kind) ? kind : throw new FaceChannelViolationException($"unknown failure kind {(byte)kind}"), reader.ReadString());
        reader.ExpectEnd();
        return failure;
    }
}
