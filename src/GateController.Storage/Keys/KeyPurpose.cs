namespace GateController.Storage.Keys;

/// <summary>
/// A person holds one data key per purpose, so withdrawing face consent can destroy the face key
/// (crypto-erasure of every template copy, including any in old backups) while the name, cards and
/// PIN stay readable under the identity key. Stored as integers: never renumber.
/// </summary>
internal enum KeyPurpose
{
    /// <summary>Name, card numbers, and other non-biometric personal data.</summary>
    Identity = 1,

    /// <summary>Face templates and the face consent record (PIPL: biometrics are separate).</summary>
    Face = 2,
}
