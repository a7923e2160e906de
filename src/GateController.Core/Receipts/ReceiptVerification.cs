namespace GateController.Core.Receipts;

/// <summary>
/// The outcome of checking a receipt. <see cref="SignerTrusted"/> is true only when the signing key was
/// compared with a key the verifier trusts, not merely the one the file carries.
/// </summary>
public sealed record ReceiptVerification(bool IsValid, SignedReceipt? Signed, bool SignerTrusted, string Message)
{
    public static ReceiptVerification Valid(SignedReceipt signed, bool signerTrusted)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var receipt = signed.Receipt;
        return new(true, signed, signerTrusted,
            $"valid receipt: {receipt.Action} of person {receipt.PersonId} at {receipt.DeletedAt}, audit row {receipt.AuditSequence}, " +
            $"signed by device key {signed.KeyFingerprint}{(signerTrusted ? " (trusted)" : "")}");
    }

    public static ReceiptVerification Invalid(string problem) => new(false, null, false, $"invalid receipt: {problem}");

    public static ReceiptVerification Invalid(SignedReceipt signed, string problem) => new(false, signed, false, $"invalid receipt: {problem}");
}
