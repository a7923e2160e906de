using System.Buffers.Binary;
using System.Security.Cryptography;
using GateController.Core.Access;

namespace GateController.Storage.Credentials;

/// <summary>
/// Keyed lookup tags for cards and PINs: HMAC-SHA256(pepper, domain ‖ canonical text). The pepper is
/// a device secret sealed under the master key, so a copied database alone cannot be searched for a
/// card number or a PIN, while a read card or typed PIN is found with one HMAC (about a microsecond)
/// instead of decrypting or hashing every row. Allocation-free: it runs on the decision thread.
/// </summary>
public sealed class CredentialTags : IDisposable
{
    public const int PepperBytes = 32;
    public const int TagBytes = 32;
    private const int MaximumMessageBytes = 128;

    private readonly byte[] _pepper;
    private bool _disposed;

    internal CredentialTags(ReadOnlySpan<byte> pepper)
    {
        if (pepper.Length != PepperBytes)
        {
            throw new ArgumentException($"The credential pepper is {PepperBytes} bytes, not {pepper.Length}.", nameof(pepper));
        }

        _pepper = GC.AllocateArray<byte>(PepperBytes, pinned: true);
        pepper.CopyTo(_pepper);
    }

    /// <summary>
    /// The tag a card is stored under: by format, facility and number, or for a raw card
    /// (<see cref="CardCanonicalForm.RawFormat"/>) by its whole frame.
    /// </summary>
    public byte[] CardTag(CardNumber card)
    {
        var tag = new byte[TagBytes];
        ComputeCard(card, raw: card.Format == CardCanonicalForm.RawFormat, tag);
        return tag;
    }

    public byte[] PinTag(ReadOnlySpan<char> pin)
    {
        var tag = new byte[TagBytes];
        ComputePin(pin, tag);
        return tag;
    }

    /// <summary>The first 16 bytes of a tag as a dictionary key; 128 bits leave no practical collisions.</summary>
    internal static UInt128 Key(ReadOnlySpan<byte> tag) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(tag), BinaryPrimitives.ReadUInt64BigEndian(tag[8..]));

    internal UInt128 CardKey(CardNumber card, bool raw)
    {
        Span<byte> tag = stackalloc byte[TagBytes];
        ComputeCard(card, raw, tag);
        return Key(tag);
    }

    internal UInt128 PinKey(ReadOnlySpan<char> pin)
    {
        Span<byte> tag = stackalloc byte[TagBytes];
        ComputePin(pin, tag);
        var key = Key(tag);
        CryptographicOperations.ZeroMemory(tag);
        return key;
    }

    private void ComputeCard(CardNumber card, bool raw, Span<byte> tag)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<byte> message = stackalloc byte[MaximumMessageBytes];
        var length = CardCanonicalForm.Write(card, raw, message);
        HMACSHA256.HashData(_pepper, message[..length], tag);
        CryptographicOperations.ZeroMemory(message);
    }

    private void ComputePin(ReadOnlySpan<char> pin, Span<byte> tag)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<byte> message = stackalloc byte[MaximumMessageBytes];
        "pin\0"u8.CopyTo(message);
        var length = 4;
        foreach (var c in pin)
        {
            if (!char.IsAsciiDigit(c) || length == MaximumMessageBytes)
            {
                CryptographicOperations.ZeroMemory(message);
                throw new ArgumentException("A PIN holds only the digits 0-9.", nameof(pin));
            }

            message[length++] = (byte)c;
        }

        HMACSHA256.HashData(_pepper, message[..length], tag);
        CryptographicOperations.ZeroMemory(message);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_pepper);
            _disposed = true;
        }
    }
}
