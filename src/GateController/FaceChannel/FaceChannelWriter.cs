namespace GateController.FaceChannel;

/// <summary>Writes whole frames (header and payload in one write) from one reused buffer; thread-safe.</summary>
public sealed class FaceChannelWriter(Stream stream)
{
    private readonly Lock _gate = new();
    private byte[] _buffer = new byte[4096];

    /// <summary>Builds the payload with <paramref name="fill"/> straight into the frame buffer and sends it.</summary>
    /// <param name="capacity">An upper bound on the payload's length.</param>
    public void Write<TState>(FaceMessageType type, int capacity, TState state, PayloadFill<TState> fill)
        where TState : allows ref struct
    {
        lock (_gate)
        {
            var size = FaceChannelFrame.HeaderLength + capacity;
            if (_buffer.Length < size)
            {
                _buffer = new byte[size];
            }

            var payload = new PayloadWriter(_buffer.AsSpan(FaceChannelFrame.HeaderLength, capacity));
            fill(ref payload, state);
            FaceChannelFrame.WriteHeader(_buffer, type, payload.Length);
            stream.Write(_buffer, 0, FaceChannelFrame.HeaderLength + payload.Length);
            stream.Flush();
        }
    }

    public void Write(FaceMessageType type, ReadOnlySpan<byte> payload) =>
        Write(type, payload.Length, payload, static (ref PayloadWriter writer, ReadOnlySpan<byte> bytes) => writer.WriteBytes(bytes));
}

public delegate void PayloadFill<TState>(ref PayloadWriter writer, TState state)
    where TState : allows ref struct;
