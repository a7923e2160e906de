using GateController.Core.Rules;
using GateController.Storage.AccessRules;
using GateController.Storage.Credentials;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Persons;

/// <summary>
/// Checks every row of an import against the file and the store before anything is written: ids (their rules,
/// not twice, not already a resident), names, cards (not held by anyone, not twice), groups (they exist) and
/// validity (it does not end before it starts). Column names are the file's.
/// </summary>
internal static class PersonImportCheck
{
    public static List<PersonImportProblem> Run(SqliteTransaction transaction, CredentialTags tags, IReadOnlyList<PersonImportRow> rows)
    {
        var problems = new List<PersonImportProblem>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var cards = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!PersonId.IsValid(row.Id))
            {
                problems.Add(new(row.Row, "id", PersonId.Problem(row.Id)));
            }
            else if (ids.TryGetValue(row.Id, out var first))
            {
                problems.Add(new(row.Row, "id", $"'{row.Id}' is already on row {first}"));
            }
            else if (PersonRecords.Exists(transaction, row.Id))
            {
                problems.Add(new(row.Row, "id", $"'{row.Id}' is already a resident; the import adds new residents only (use person set, card add)"));
            }

            ids.TryAdd(row.Id, row.Row);
            if (string.IsNullOrWhiteSpace(row.Name) || row.Name.Length > PersonRecords.MaxNameLength || row.Name.Any(char.IsControl))
            {
                problems.Add(new(row.Row, "name", $"expected 1 to {PersonRecords.MaxNameLength} printable characters"));
            }

            foreach (var card in row.Cards)
            {
                var tag = Convert.ToHexString(tags.CardTag(card));
                if (cards.TryGetValue(tag, out var other))
                {
                    problems.Add(new(row.Row, "cards", $"card {card} is also on row {other}; a card belongs to one person"));
                }
                else if (CardRecords.Holder(transaction, tags.CardTag(card)) is not null)
                {
                    problems.Add(new(row.Row, "cards", $"card {card} already belongs to a resident; remove it from them first"));
                }

                cards.TryAdd(tag, row.Row);
            }

            foreach (var group in row.Groups)
            {
                if (!AccessGroup.IsValidName(group))
                {
                    problems.Add(new(row.Row, "groups", AccessGroup.NameProblem(group)));
                }
                else if (!GroupRecords.Exists(transaction, group))
                {
                    problems.Add(new(row.Row, "groups", $"access group '{group}' does not exist; add it first (gatectl group add {group} --window ...)"));
                }
            }

            if (new PersonValidity(row.ValidFrom, row.ValidUntil).Problem() is { } validity)
            {
                problems.Add(new(row.Row, "valid_until", validity));
            }
        }

        return problems;
    }
}
