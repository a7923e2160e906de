using GateController.Core.Access;

namespace GateController.Storage.Persons;

/// <summary>One resident of an import file: never a PIN or a face (those are taken in person, with consent).</summary>
/// <param name="Row">The file's row number (the header is row 1), for problems.</param>
public sealed record PersonImportRow(int Row, string Id, string Name, IReadOnlyList<CardNumber> Cards, IReadOnlyList<string> Groups, DateOnly? ValidFrom, DateOnly? ValidUntil)
{
    public override string ToString() => $"PersonImportRow({Row}, redacted)";
}

/// <summary>What is wrong with one field of an import file: its row, its column and what is expected.</summary>
public sealed record PersonImportProblem(int Row, string Column, string Message);

/// <summary>An import's outcome: problems (then nothing was written), or what was added in its one transaction.</summary>
public sealed record PersonImportResult(IReadOnlyList<PersonImportProblem> Problems, bool Applied, int Persons, int Cards, int AccessRecords, long AuditSequence);
