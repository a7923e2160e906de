using System.Buffers.Binary;

namespace GateController.FaceChannel;

/// <summary>
/// The frame header: magic "GCFW", protocol version, message type, two reserved zero bytes and the payload
/// length, all little-endian. Both ends refuse anything else, so a stray print on the channel or a
/// half-written frame is a protocol violation, never data.
/// </summary>
public static class FaceChannelFrame
{
    public const int HeaderLength = 12;

    /// <summary>"GCFW" read as a little-endian 32-bit integer.</summary>
    public const uint Magic = 0x57464347;

    /// <summary>Bumped whenever a payload's layout changes; a process of another version is refused.</summary>
    /// <remarks>2: observations carry quality, liveness and whether there is an embedding; heartbeats the quality refusals.</remarks>
    public const byte ProtocolVersion = 2;

    /// <summary>Results, heartbeats and replies fit easily; anything longer from a face process is refused.</summary>
    public const int MaximumResultPayloadBytes = 64 * 1024;

    public static void WriteHeader(Span<byte> destination, FaceMessageType type, int payloadLength, byte version = ProtocolVersion)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        destination[4] = version;
        destination[5] = (byte)type;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], checked((uint)payloadLength));
    }

    /// <summary>Checks a header; returns null when it is good, else what is wrong with it.</summary>
    public static string? Check(ReadOnlySpan<byte> header, int maximumPayloadBytes, out FaceMessageType type, out int payloadLength)
    {
        type = (FaceMessageType)header[5];
        payloadLength = 0;
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            return "the frame does not start with the channel's magic number";
        }

        if (header[4] != ProtocolVersion)
        {
            return $"the frame is of protocol version {header[4]}, expected {ProtocolVersion}";
        }

        if (!Enum.IsDefined(type))
        {
            return $"unknown message type {header[5]}";
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) != 0)
        {
            return "the frame's reserved bytes are not zero";
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (type == FaceMessageType.OverlayReply)
        {
            // The one frame that carries pixels back; a whole PNG is far over the results limit.
            maximumPayloadBytes = Math.Max(maximumPayloadBytes, OverlayReply.MaximumPayloadBytes);
        }

        if (length > (uint)maximumPayloadBytes)
        {
            return $"a {type} frame of {length} bytes is over the limit of {maximumPayloadBytes}";
        }

        payloadLength = (int)length;
        return null;
    }
}
