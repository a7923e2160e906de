namespace GateController.Storage.Audit;

/// <summary>
/// The state of one verification pass, fed rows in sequence order. Rows at or below the anchor are the
/// kept (never purged) rows before it: each must match its own hash, link to a kept neighbour, and together
/// match the anchor's count and digest. After the anchor every row must follow its predecessor exactly.
/// </summary>
internal sealed class AuditChainWalk
{
    private readonly AuditAnchor? _anchor;
    private readonly List<(long Sequence, byte[] Hash)> _kept = [];
    private bool _keptChecked;

    public AuditChainWalk(AuditAnchor? anchor)
    {
        _anchor = anchor;
        _keptChecked = anchor is null;
        ExpectedSequence = anchor is null ? 1 : anchor.Sequence + 1;
        PreviousHash = anchor is null ? AuditChain.Genesis : anchor.Hash;
    }

    public long ExpectedSequence { get; private set; }

    public byte[] PreviousHash { get; private set; }

    public long RowsChecked { get; private set; }

    public AuditVerification? Step(AuditRow row)
    {
        if (_anchor is not null && row.Sequence <= _anchor.Sequence)
        {
            return StepKept(row);
        }

        if (FinishKept() is { } keptProblem)
        {
            return keptProblem;
        }

        if (row.Sequence != ExpectedSequence)
        {
            return AuditVerification.Broken(RowsChecked, ExpectedSequence,
                $"row missing (next row present is {row.Sequence}); rows were deleted or renumbered");
        }

        if (!row.PreviousHash.AsSpan().SequenceEqual(PreviousHash))
        {
            return AuditVerification.Broken(RowsChecked, row.Sequence,
                "its previous-hash does not match the row before it; rows were reordered, replaced or deleted");
        }

        if (!row.HashMatchesContent())
        {
            return AuditVerification.Broken(RowsChecked, row.Sequence, "its content does not match its hash; the row was edited");
        }

        PreviousHash = row.Hash;
        ExpectedSequence++;
        RowsChecked++;
        return null;
    }

    /// <summary>Called when the walk passes the anchor (or ends): the kept rows must be exactly those the anchor counted.</summary>
    public AuditVerification? FinishKept()
    {
        if (_keptChecked)
        {
            return null;
        }

        _keptChecked = true;
        var anchor = _anchor!;
        if (_kept.Count != anchor.KeptRows || !AuditAnchor.DigestOf(_kept).AsSpan().SequenceEqual(anchor.KeptDigest))
        {
            return AuditVerification.Broken(RowsChecked, anchor.Sequence,
                $"the rows kept before the retention anchor at row {anchor.Sequence} are not the {anchor.KeptRows} it recorded " +
                $"(found {_kept.Count}); a kept row was deleted, added or reordered");
        }

        return null;
    }

    private AuditVerification? StepKept(AuditRow row)
    {
        if (row.Kind == nameof(AuditKind.AccessDecision))
        {
            return AuditVerification.Broken(RowsChecked, row.Sequence,
                $"a decision row at or before the retention anchor (row {_anchor!.Sequence}), which retention purged; the row was inserted");
        }

        if (!row.HashMatchesContent())
        {
            return AuditVerification.Broken(RowsChecked, row.Sequence, "its content does not match its hash; the row was edited");
        }

        // Two kept rows that were neighbours in the chain still link; a gap between them is a purged decision.
        if (_kept.Count > 0 && _kept[^1].Sequence == row.Sequence - 1 && !row.PreviousHash.AsSpan().SequenceEqual(_kept[^1].Hash))
        {
            return AuditVerification.Broken(RowsChecked, row.Sequence,
                "its previous-hash does not match the row before it; rows were reordered, replaced or deleted");
        }

        _kept.Add((row.Sequence, row.Hash));
        RowsChecked++;
        return null;
    }
}
