namespace GateController.Storage.Keys;

/// <summary>
/// What a sealed record holds. Part of its associated data, so a ciphertext moved to a field of
/// another kind fails to open. Values are stored in AAD: never renumber, only add.
/// </summary>
internal enum RecordKind : byte
{
    KeyCheck = 1,
    DataKey = 2,
    PersonName = 3,
    FaceTemplate = 4,
    FaceConsent = 5,
    CardNumber = 6,
    CredentialPepper = 7,

    // Issue #4 (privacy) numbers from 20 up, so the card/PIN work of issue #3 can take 7+ without a clash.

    /// <summary>The device's ECDSA P-256 receipt-signing key (PKCS#8), sealed under the master key in meta.</summary>
    DeviceSigningKey = 20,

    /// <summary>The HMAC key that turns person ids into the pseudonyms journald sees (GATE_PERSON).</summary>
    PseudonymKey = 21,

    // Issue #10 (access rules) numbers from 30 up.

    /// <summary>A person's access groups and validity period (JSON), under their identity key.</summary>
    PersonAccess = 30,
}
