using System.Security.Cryptography;

namespace GateController.Core.Receipts;

/// <summary>
/// The bytes a device signs: SHA-256 over every field of the receipt in a fixed order, length-prefixed
/// (see <see cref="StoreStateHash"/> for the encoding). Signing a canonical form rather than the JSON
/// text means re-indenting or re-ordering the file does not break the signature, while changing any
/// value does. The ECDSA signature is over this digest's preimage with SHA-256 (ECDSA-P256-SHA256).
/// </summary>
public static class ReceiptCanonicalForm
{
    private const string Domain = "GateController.DeletionReceipt/v1";

    public static byte[] Bytes(DeletionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        // The preimage itself is hashed again by ECDsa.SignData; a digest keeps it fixed-size.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        CanonicalWriter.AppendText(hash, Domain);
        CanonicalWriter.AppendText(hash, receipt.Format);
        CanonicalWriter.AppendText(hash, receipt.ReceiptId);
        CanonicalWriter.AppendText(hash, receipt.StoreId);
        CanonicalWriter.AppendText(hash, receipt.Action);
        CanonicalWriter.AppendText(hash, receipt.PersonId);
        CanonicalWriter.AppendText(hash, receipt.DeletedAt);
        CanonicalWriter.AppendCounts(hash, receipt.Deleted);
        CanonicalWriter.AppendInt64(hash, receipt.AuditSequence);
        CanonicalWriter.AppendText(hash, receipt.AuditHash);
        CanonicalWriter.AppendCounts(hash, receipt.StoreCounts);
        CanonicalWriter.AppendText(hash, receipt.StateHash);
        return hash.GetHashAndReset();
    }
}
