using System.Security.Cryptography;

namespace GateController.Core.Receipts;

/// <summary>
/// A receipt with its ECDSA P-256 signature (IEEE P1363, r‖s, 64 bytes) and the signer's public key
/// (SubjectPublicKeyInfo DER), which the file embeds so it can be checked without the device; whether
/// that key is the device's own is a separate question (<see cref="ReceiptVerifier"/>).
/// </summary>
public sealed record SignedReceipt(DeletionReceipt Receipt, byte[] PublicKey, byte[] Signature)
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    /// <summary>SHA-256 of the public key (SPKI DER), lower-case hex: how people compare device keys.</summary>
    public string KeyFingerprint => Fingerprint(PublicKey);

    public static string Fingerprint(ReadOnlySpan<byte> publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey));

    public static SignedReceipt Sign(DeletionReceipt receipt, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        var signature = signingKey.SignData(ReceiptCanonicalForm.Bytes(receipt), HashAlgorithmName.SHA256);
        return new SignedReceipt(receipt, signingKey.ExportSubjectPublicKeyInfo(), signature);
    }
}
