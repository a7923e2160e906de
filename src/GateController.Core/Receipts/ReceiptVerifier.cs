using System.Security.Cryptography;

namespace GateController.Core.Receipts;

/// <summary>
/// Checks a receipt file offline: well-formed, the state hash matches the recorded state, and the
/// signature verifies under the embedded public key. A valid signature alone proves only that
/// <em>some</em> key signed it; pass the device's public key (<c>--public-key</c>) or ask the device
/// (<c>gatectl receipt verify</c> does) to know that it was this gate.
/// </summary>
public static class ReceiptVerifier
{
    public static ReceiptVerification Verify(string json, ReadOnlySpan<byte> trustedPublicKey = default)
    {
        if (!ReceiptJson.TryParse(json, out var signed, out var problem))
        {
            return ReceiptVerification.Invalid(problem);
        }

        var receipt = signed!.Receipt;
        if (!TryHexBytes(receipt.AuditHash, out var auditHash))
        {
            return ReceiptVerification.Invalid(signed, $"auditHash '{receipt.AuditHash}' is not 32 bytes of hex");
        }

        var expectedState = StoreStateHash.Compute(receipt.StoreId, receipt.AuditSequence, auditHash, receipt.StoreCounts);
        if (!string.Equals(expectedState, receipt.StateHash, StringComparison.Ordinal))
        {
            return ReceiptVerification.Invalid(signed, $"stateHash {receipt.StateHash} does not match the recorded state (expected {expectedState})");
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(signed.PublicKey, out _);
            if (key.KeySize != 256 || !key.VerifyData(ReceiptCanonicalForm.Bytes(receipt), signed.Signature, HashAlgorithmName.SHA256))
            {
                return ReceiptVerification.Invalid(signed, "the signature does not verify: the receipt was altered after signing, or signed by another key");
            }
        }
        catch (CryptographicException exception)
        {
            return ReceiptVerification.Invalid(signed, $"the embedded public key is not an ECDSA P-256 key: {exception.Message}");
        }

        if (!trustedPublicKey.IsEmpty && !trustedPublicKey.SequenceEqual(signed.PublicKey))
        {
            return ReceiptVerification.Invalid(signed,
                $"the signature is valid but was made by key {signed.KeyFingerprint}, not by the trusted key {SignedReceipt.Fingerprint(trustedPublicKey)}");
        }

        return ReceiptVerification.Valid(signed, !trustedPublicKey.IsEmpty);
    }

    /// <summary>Reads a public key file: PEM ("-----BEGIN PUBLIC KEY-----") or raw SubjectPublicKeyInfo DER.</summary>
    public static byte[] ReadPublicKey(byte[] fileContent)
    {
        ArgumentNullException.ThrowIfNull(fileContent);
        var text = System.Text.Encoding.ASCII.GetString(fileContent);
        if (!text.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
        {
            return fileContent;
        }

        using var key = ECDsa.Create();
        key.ImportFromPem(text);
        return key.ExportSubjectPublicKeyInfo();
    }

    private static bool TryHexBytes(string hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
