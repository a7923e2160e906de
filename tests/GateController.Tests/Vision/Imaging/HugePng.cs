using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GateController.Tests.Vision.Imaging;

/// <summary>
/// A valid PNG of one solid colour at any size, small on disk: 1-bit palette rows compress to almost nothing,
/// so a 30,000 × 30,000 image (900 MP, 2.7 GB as BGR) is a few hundred KB.
/// </summary>
internal static class HugePng
{
    public static byte[] Solid(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 3; // palette
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "PLTE", [40, 120, 200]);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + ((width + 7) / 8)]; // filter byte 0, then every pixel palette index 0
                for (var y = 0; y < height; y++)
                {
                    zlib.Write(row);
                }
            }

            WriteChunk(file, "IDAT", pixels.ToArray());
        }

        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        file.Write(length);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
