using GateController.Core.Rules;
using GateController.Storage.AccessRules;
using GateController.Storage.Audit;
using GateController.Storage.Credentials;
using GateController.Storage.Persons;

namespace GateController.Storage.Store;

public sealed partial class GateStore
{
    /// <summary>
    /// Adds the residents of an import file in one transaction, with their cards, groups and validity, or nothing:
    /// every row is checked first (<see cref="PersonImportCheck"/>), and one problem anywhere writes nothing. A dry run
    /// checks and writes nothing. Each resident gets the audit rows a single add would, and the import one more.
    /// </summary>
    public PersonImportResult ImportPersons(IReadOnlyList<PersonImportRow> rows, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var now = _time.GetUtcNow();
        var result = _database.Write(transaction =>
        {
            using var tags = CredentialPepper.LoadOrCreate(transaction, _masterKey);
            var problems = PersonImportCheck.Run(transaction, tags, rows);
            if (problems.Count > 0 || dryRun)
            {
                return new PersonImportResult(problems, false, rows.Count, rows.Sum(r => r.Cards.Count), 0, 0);
            }

            var accessRecords = 0;
            foreach (var row in rows)
            {
                PersonLifecycle.TryAdd(transaction, _masterKey, row.Id, row.Name, now);
                foreach (var card in row.Cards)
                {
                    CardRecords.Insert(transaction, _masterKey, row.Id, card, tags.CardTag(card), now);
                    AuditTrail.Append(transaction, now, AuditKind.CardAdded, row.Id, $"card added: {CardDetail(card)}");
                }

                var access = new PersonAccess(row.Groups, new PersonValidity(row.ValidFrom, row.ValidUntil));
                if (!access.IsDefault)
                {
                    PersonAccessRecords.Write(transaction, _masterKey, row.Id, access, now);
                    AuditTrail.Append(transaction, now, AuditKind.PersonAccessSet, row.Id, AccessDetail(access));
                    accessRecords++;
                }
            }

            var cards = rows.Sum(r => r.Cards.Count);
            var audit = AuditTrail.Append(transaction, now, AuditKind.PersonsImported, null, $"import: {rows.Count} persons, {cards} cards, {accessRecords} access records");
            return new PersonImportResult([], true, rows.Count, cards, accessRecords, audit);
        });
        if (result.Applied)
        {
            Log.PersonsImported(_logger, result.Persons, result.Cards, result.AccessRecords);
            Announce(StoreChanges.Credentials | StoreChanges.AccessRules, null);
        }

        return result;
    }

    /// <summary>
    /// Every resident with their cards in full, groups and validity (<c>gatectl person export</c>), audited: the list
    /// leaves the device. Never a PIN, a face or a template.
    /// </summary>
    public IReadOnlyList<PersonExportRow> ExportPersons()
    {
        var now = _time.GetUtcNow();
        return _database.Write(transaction =>
        {
            var rows = PersonExportQuery.Read(transaction, _masterKey);
            AuditTrail.Append(transaction, now, AuditKind.PersonsExported, null, $"export: {rows.Count} persons, {rows.Sum(r => r.Cards.Count)} cards");
            return rows;
        });
    }
}
