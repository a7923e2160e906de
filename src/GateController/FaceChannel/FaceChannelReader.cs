namespace GateController.FaceChannel;

/// <summary>
/// Reads frames from a face process's channel into one reused buffer: no allocation per frame. Blocking;
/// meant for a dedicated thread. The payload stays valid until the next <see cref="Read"/>.
/// </summary>
public sealed class FaceChannelReader(Stream stream, int maximumPayloadBytes)
{
    private readonly byte[] _header = new byte[FaceChannelFrame.HeaderLength];
    private byte[] _payload = new byte[Math.Min(maximumPayloadBytes, 4096)];
    private int _length;

    public ReadOnlySpan<byte> Payload => _payload.AsSpan(0, _length);

    /// <returns>The type of the next frame, or null at a clean end of stream (between frames).</returns>
    /// <exception cref="FaceChannelViolationException">A malformed, oversized or truncated frame.</exception>
    public FaceMessageType? Read()
    {
        var headerRead = stream.ReadAtLeast(_header, _header.Length, throwOnEndOfStream: false);
        if (headerRead == 0)
        {
            return null;
        }

        if (headerRead < _header.Length)
        {
            throw new FaceChannelViolationException($"the channel ended inside a frame header ({headerRead} of {_header.Length} bytes)");
        }

        if (FaceChannelFrame.Check(_header, maximumPayloadBytes, out var type, out var length) is { } problem)
        {
            throw new FaceChannelViolationException(problem);
        }

        if (length > _payload.Length)
        {
            _payload = new byte[Math.Max(length, Math.Min(maximumPayloadBytes, _payload.Length * 2))];
        }

        var read = stream.ReadAtLeast(_payload.AsSpan(0, length), length, throwOnEndOfStream: false);
        if (read < length)
        {
            throw new FaceChannelViolationException($"the channel ended inside a {type} frame ({read} of {length} bytes)");
        }

        _length = length;
        return type;
    }
}
