using System.Security.Cryptography;

namespace GateController.Core.Credentials;

/// <summary>
/// Hashes PINs as HMAC-SHA256(pepper, salt ‖ PIN digits in ASCII), with the pepper a device secret
/// kept beside the store key. A PIN has at most 10^8 values, so no slow hash makes a stolen database
/// safe by itself; the pepper does: without it the hashes cannot be searched at all. The salt keeps
/// two people with the same PIN from sharing a hash. HMAC is also fast enough to check every enrolled
/// person's PIN inside the decision budget (a few microseconds each).
/// </summary>
public sealed class PinHasher : IDisposable
{
    public const int MinimumPepperBytes = 32;
    public const int SaltBytes = 16;
    public const int HashBytes = 32;
    private const int MaximumPinDigits = 32;

    private readonly byte[] _pepper;
    private bool _disposed;

    public PinHasher(ReadOnlySpan<byte> pepper)
    {
        if (pepper.Length < MinimumPepperBytes)
        {
            throw new ArgumentException($"The PIN pepper must be at least {MinimumPepperBytes} bytes; it was {pepper.Length}.", nameof(pepper));
        }

        _pepper = pepper.ToArray();
    }

    public PinHash Hash(ReadOnlySpan<char> pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = new byte[HashBytes];
        Compute(pin, salt, hash);
        return new PinHash(salt, hash);
    }

    /// <summary>Compares in constant time, so response time does not say how many bytes matched.</summary>
    public bool Verify(ReadOnlySpan<char> pin, PinHash stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Hash.Length != HashBytes)
        {
            return false;
        }

        Span<byte> computed = stackalloc byte[HashBytes];
        Compute(pin, stored.Salt, computed);
        var equal = CryptographicOperations.FixedTimeEquals(computed, stored.Hash);
        CryptographicOperations.ZeroMemory(computed);
        return equal;
    }

    private void Compute(ReadOnlySpan<char> pin, ReadOnlySpan<byte> salt, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (pin.Length > MaximumPinDigits)
        {
            throw new ArgumentException($"A PIN has at most {MaximumPinDigits} digits; got {pin.Length}.", nameof(pin));
        }

        Span<byte> message = stackalloc byte[SaltBytes * 2 + MaximumPinDigits];
        if (salt.Length > SaltBytes * 2)
        {
            throw new ArgumentException($"A PIN salt has at most {SaltBytes * 2} bytes; got {salt.Length}.", nameof(salt));
        }

        salt.CopyTo(message);
        var length = salt.Length;
        foreach (var c in pin)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException("A PIN holds only the digits 0-9.", nameof(pin));
            }

            message[length++] = (byte)c;
        }

        HMACSHA256.HashData(_pepper, message[..length], destination);
        CryptographicOperations.ZeroMemory(message);
    }

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_pepper);
    }
}
