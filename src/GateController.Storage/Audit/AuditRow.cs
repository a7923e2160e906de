namespace GateController.Storage.Audit;

/// <summary>One audit row as stored, times as the exact text the chain hashed.</summary>
internal sealed record AuditRow(long Sequence, string Time, string Kind, string? Subject, string Detail, byte[] PreviousHash, byte[] Hash)
{
    public bool HashMatchesContent() =>
        AuditChain.Hash(Sequence, Time, Kind, Subject, Detail, PreviousHash).AsSpan().SequenceEqual(Hash);
}
