namespace GateController.Storage.Database;

/// <summary>
/// Cards and PINs (issue #3). Neither table holds a card number or a PIN in the clear: a card row has
/// a keyed lookup tag and the card sealed under the person's identity key; a PIN row has only a keyed
/// tag. The key of both tags is the credential pepper, sealed under the master key in <c>meta</c>
/// (see README.md, "Cards and PINs"). Erasure deletes these rows before the person row.
/// </summary>
internal static class SchemaVersion2
{
    public const string Sql = """
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            person_id TEXT NOT NULL REFERENCES persons (id),
            lookup BLOB NOT NULL UNIQUE,
            card_sealed BLOB NOT NULL,
            added_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX cards_by_person ON cards (person_id);

        CREATE TABLE pins (
            person_id TEXT NOT NULL REFERENCES persons (id),
            kind TEXT NOT NULL CHECK (kind IN ('normal', 'duress')),
            lookup BLOB NOT NULL UNIQUE,
            params TEXT NOT NULL,
            set_at TEXT NOT NULL,
            PRIMARY KEY (person_id, kind)
        ) STRICT;
        """;
}
