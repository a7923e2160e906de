using System.Buffers.Binary;

namespace GateController.Storage.Database;

/// <summary>
/// Checks the write-ahead log before SQLite opens it, because SQLite recovers a WAL by silently keeping
/// only the frames before the first bad checksum: a flipped byte would quietly undo acknowledged
/// writes (and could even bring back a deleted person). Format from sqlite.org/fileformat2.html §4:
/// a 32-byte header (magic, version, page size, checkpoint seq, salts, checksum) and frames of a
/// 24-byte header (page, db size after commit, salts, cumulative checksum) plus one page.
/// </summary>
internal static class WalInspection
{
    private const int HeaderSize = 32;
    private const int FrameHeaderSize = 24;
    private const uint MagicLittleEndian = 0x377f0682;
    private const uint MagicBigEndian = 0x377f0683;

    /// <summary>Null when the WAL is absent, empty or sound; otherwise one message naming the file and the damage.</summary>
    public static string? Inspect(string walPath)
    {
        if (!File.Exists(walPath))
        {
            return null;
        }

        byte[] wal;
        using (var stream = new FileStream(walPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            wal = new byte[stream.Length];
            stream.ReadExactly(wal);
        }

        // Shorter than a header: nothing was ever committed through it (a crash while it was being created).
        if (wal.Length < HeaderSize)
        {
            return null;
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(wal);
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        var bigEndian = magic == MagicBigEndian;
        var (s0, s1) = Checksum(wal.AsSpan(0, 24), bigEndian, 0, 0);
        if ((magic != MagicLittleEndian && !bigEndian) || pageSize is < 512 or > 65536 || (pageSize & (pageSize - 1)) != 0 ||
            s0 != BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(24)) || s1 != BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(28)))
        {
            var frames = (wal.Length - HeaderSize) / (FrameHeaderSize + Math.Max(pageSize, 512));
            return $"The write-ahead log '{walPath}' has a damaged header (bad magic, page size or checksum); SQLite would ignore all {frames} frame(s) in it, losing every write since the last checkpoint.";
        }

        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(16));
        var salt2 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(20));
        var frameSize = FrameHeaderSize + pageSize;
        var frameCount = (wal.Length - HeaderSize) / frameSize;
        for (var index = 0; index < frameCount; index++)
        {
            var frame = wal.AsSpan(HeaderSize + (index * frameSize), frameSize);
            (s0, s1) = Checksum(frame[..8], bigEndian, s0, s1);
            (s0, s1) = Checksum(frame[FrameHeaderSize..], bigEndian, s0, s1);
            var current = BinaryPrimitives.ReadUInt32BigEndian(frame[8..]) == salt1 && BinaryPrimitives.ReadUInt32BigEndian(frame[12..]) == salt2;
            if (current && s0 == BinaryPrimitives.ReadUInt32BigEndian(frame[16..]) && s1 == BinaryPrimitives.ReadUInt32BigEndian(frame[20..]))
            {
                continue;
            }

            // A crash can tear only the transaction being written. Two or more commits after the bad
            // frame mean an acknowledged (fsynced) transaction is damaged: that is corruption, not a crash.
            var laterCommits = 0;
            for (var later = index; later < frameCount; later++)
            {
                var header = wal.AsSpan(HeaderSize + (later * frameSize), FrameHeaderSize);
                if (BinaryPrimitives.ReadUInt32BigEndian(header[4..]) != 0 &&
                    BinaryPrimitives.ReadUInt32BigEndian(header[8..]) == salt1 && BinaryPrimitives.ReadUInt32BigEndian(header[12..]) == salt2)
                {
                    laterCommits++;
                }
            }

            return laterCommits >= 2
                ? $"The write-ahead log '{walPath}' is damaged at frame {index + 1} of {frameCount} (byte offset {HeaderSize + (index * frameSize)}): " +
                  $"its checksum fails, and SQLite would silently drop it and {laterCommits} committed transaction(s) after it."
                : null;
        }

        return null;
    }

    private static (uint S0, uint S1) Checksum(ReadOnlySpan<byte> data, bool bigEndian, uint s0, uint s1)
    {
        for (var i = 0; i + 8 <= data.Length; i += 8)
        {
            var x0 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            var x1 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            s0 += x0 + s1;
            s1 += x1 + s0;
        }

        return (s0, s1);
    }
}
