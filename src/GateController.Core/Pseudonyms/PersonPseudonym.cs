using System.Security.Cryptography;
using System.Text;

namespace GateController.Core.Pseudonyms;

/// <summary>
/// The first 16 hex characters (64 bits) of HMAC-SHA256(device pseudonym key, person id): what log lines and
/// journald (GATE_PERSON) carry instead of a resident's id. Stable per device, so one resident's entries
/// correlate, but the id cannot be read back or guessed without the key, which stays sealed in the store.
/// 64 bits keeps collisions negligible for a compound. The key is zeroed on dispose.
/// </summary>
public sealed class PersonPseudonym(byte[] key) : IPersonPseudonyms, IDisposable
{
    public const int HexLength = 16;

    public string Of(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(personId), mac);
        return Convert.ToHexStringLower(mac)[..HexLength];
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(key);
}
