using System.Diagnostics.CodeAnalysis;
using GateController.Storage.Persons;
using GateController.Storage.Report;

namespace GateController.Storage.Store;

/// <summary>The data-subject report.</summary>
public sealed partial class GateStore
{
    /// <summary>How many of the person's newest access events the report lists (the count covers all).</summary>
    public const int ReportRecentEvents = 20;

    /// <summary>Everything stored about <paramref name="id"/>, without biometric values; false when there is no such person.</summary>
    public bool TryReportPerson(string id, [NotNullWhen(true)] out PersonReport? report)
    {
        report = PersonId.IsValid(id) ? _database.Read(transaction => PersonReportQuery.Read(transaction, _masterKey, id, ReportRecentEvents)) : null;
        return report is not null;
    }
}
