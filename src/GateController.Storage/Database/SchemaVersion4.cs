namespace GateController.Storage.Database;

/// <summary>
/// Access groups, memberships and validity periods (issue #10). A group's definition (windows, holidays,
/// doors) names nobody and is plain JSON. A person's groups and move-in/move-out dates are personal data:
/// one record per person sealed under their identity key; only the counts are plain, for erasure receipts.
/// Erasure deletes the person's row before the person row.
/// </summary>
internal static class SchemaVersion4
{
    public const string Sql = """
        CREATE TABLE access_groups (
            name TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE person_access (
            person_id TEXT PRIMARY KEY REFERENCES persons (id),
            memberships INTEGER NOT NULL,
            has_validity INTEGER NOT NULL CHECK (has_validity IN (0, 1)),
            access_sealed BLOB NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        """;
}
