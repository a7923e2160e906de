namespace GateController.Core.Receipts;

/// <summary>
/// What a deletion receipt attests: which person's data of which kinds was erased, when, at which
/// audit row, and the store's state right after (<see cref="StoreStateHash"/>). Holds counts and a
/// pseudonymous id only, never a name or biometric value. The JSON form and the signed bytes are in
/// <see cref="ReceiptJson"/> and <see cref="ReceiptCanonicalForm"/>.
/// </summary>
public sealed record DeletionReceipt
{
    public const string FormatV1 = "gate-controller.deletion-receipt/v1";

    public string Format { get; init; } = FormatV1;

    public required string ReceiptId { get; init; }

    /// <summary>The random id of the store (its <c>meta.store_id</c>), so a receipt names its device.</summary>
    public required string StoreId { get; init; }

    /// <summary>One of <see cref="ReceiptActions"/>.</summary>
    public required string Action { get; init; }

    public required string PersonId { get; init; }

    /// <summary>The store time of the deletion, round-trip ISO 8601 UTC (the audit row's time).</summary>
    public required string DeletedAt { get; init; }

    /// <summary>Kind → rows or keys destroyed, e.g. dataKeys 2, faceTemplates 3, faceConsents 1, persons 1.</summary>
    public required IReadOnlyDictionary<string, long> Deleted { get; init; }

    /// <summary>The audit row that records the deletion; also the chain head the state hash covers.</summary>
    public required long AuditSequence { get; init; }

    /// <summary>That audit row's hash (lower-case hex): ties the receipt to the store's hash chain.</summary>
    public required string AuditHash { get; init; }

    /// <summary>Row counts per table right after the deletion (same transaction).</summary>
    public required IReadOnlyDictionary<string, long> StoreCounts { get; init; }

    /// <summary><see cref="StoreStateHash.Compute"/> over the fields above, lower-case hex.</summary>
    public required string StateHash { get; init; }

    /// <summary>Personal data stays out of logs: the id is pseudonymous, but still say only what is needed.</summary>
    public override string ToString() => $"DeletionReceipt({Action} of {PersonId} at audit #{AuditSequence})";
}
