using System.Security.Cryptography;

namespace GateController.Core.Access;

/// <summary>
/// A PIN as typed at one keypad. The digits live in a private array that <see cref="Clear"/> zeroes;
/// the verifier clears it as soon as it has been checked, so a PIN does not linger on the heap.
/// It never prints its digits, nor how many there were.
/// </summary>
public sealed record PinCredential : Credential, IDisposable
{
    private readonly char[] _digits;
    private int _length;

    public PinCredential(ReadOnlySpan<char> digits)
        : base(AccessMethod.Pin)
    {
        _digits = digits.ToArray();
        _length = digits.Length;
    }

    /// <summary>The digits until <see cref="Clear"/>; empty afterwards.</summary>
    public ReadOnlySpan<char> Digits => _digits.AsSpan(0, _length);

    public bool IsCleared => _length == 0;

    public void Clear()
    {
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_digits.AsSpan()));
        _length = 0;
    }

    public void Dispose() => Clear();

    // Records print every member; a PIN must not reach a log through an interpolated attempt.
    public override string ToString() => "PinCredential { Digits = (hidden) }";

    // Two typed PINs are never "equal" as values: comparing them would be a timing oracle.
    public bool Equals(PinCredential? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
