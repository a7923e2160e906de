using System.Security.Cryptography;
using System.Text;

namespace GateController.Journal;

/// <summary>
/// GATE_PERSON: the first 16 hex characters (64 bits) of HMAC-SHA256(device pseudonym key, person id).
/// Stable per device, so one resident's entries correlate, but the id cannot be read back or guessed
/// without the key, which stays sealed in the store. 64 bits keeps collisions negligible for a compound.
/// </summary>
internal sealed class PersonPseudonym(byte[] key) : IDisposable
{
    public const int HexLength = 16;

    public string Of(string personId)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(personId), mac);
        return Convert.ToHexStringLower(mac)[..HexLength];
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(key);
}
