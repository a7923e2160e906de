using GateController.Core.Access;

namespace GateController.Storage.Persons;

/// <summary>One resident as <c>gatectl person export</c> writes them: the import file's columns, never a PIN, a face or a template.</summary>
public sealed record PersonExportRow(string Id, string Name, IReadOnlyList<CardNumber> Cards, IReadOnlyList<string> Groups, DateOnly? ValidFrom, DateOnly? ValidUntil)
{
    public override string ToString() => $"PersonExportRow({Id}, redacted)";
}
