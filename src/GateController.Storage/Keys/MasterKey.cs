using System.Security.Cryptography;

namespace GateController.Storage.Keys;

/// <summary>
/// The 32-byte AES-256 key that wraps every per-person data key. Held in a pinned array so the GC
/// never leaves copies behind, and zeroed on dispose.
/// </summary>
public sealed class MasterKey : IDisposable
{
    public const int SizeInBytes = 32;

    private readonly byte[] _key;
    private bool _disposed;

    /// <summary>Copies <paramref name="key"/>; the caller should zero its own copy.</summary>
    public MasterKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != SizeInBytes)
        {
            throw new ArgumentException($"A master key is {SizeInBytes} bytes, not {key.Length}.", nameof(key));
        }

        _key = GC.AllocateArray<byte>(SizeInBytes, pinned: true);
        key.CopyTo(_key);
    }

    internal static MasterKey CreateRandom()
    {
        Span<byte> fresh = stackalloc byte[SizeInBytes];
        RandomNumberGenerator.Fill(fresh);
        try
        {
            return new MasterKey(fresh);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
        }
    }

    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    /// <summary>
    /// Key rotation: takes <paramref name="next"/>'s bytes in place, so every holder of this instance
    /// sees the new key. The store calls it under its database lock, right after the re-wrap commits.
    /// </summary>
    internal void ReplaceWith(MasterKey next)
    {
        ArgumentNullException.ThrowIfNull(next);
        next.Bytes.CopyTo(_key);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_key);
            _disposed = true;
        }
    }

    /// <summary>Never prints key material.</summary>
    public override string ToString() => "MasterKey(32 bytes, redacted)";
}
