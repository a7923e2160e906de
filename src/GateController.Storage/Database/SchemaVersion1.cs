namespace GateController.Storage.Database;

/// <summary>
/// The first schema, already shaped for per-person keys, crypto-erasure and the audit chain
/// (README.md in this project explains each table). No ON DELETE CASCADE: erasure deletes in an
/// explicit order (data keys first), and the foreign keys prove nothing was left behind.
/// </summary>
internal static class SchemaVersion1
{
    public const string Sql = """
        CREATE TABLE meta (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL
        ) STRICT;

        CREATE TABLE persons (
            id TEXT PRIMARY KEY,
            name_sealed BLOB NOT NULL,
            added_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE person_keys (
            person_id TEXT NOT NULL REFERENCES persons (id),
            purpose INTEGER NOT NULL,
            wrapped_key BLOB NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (person_id, purpose)
        ) STRICT;

        CREATE TABLE face_consents (
            id INTEGER PRIMARY KEY,
            person_id TEXT NOT NULL REFERENCES persons (id),
            consented_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            details_sealed BLOB NOT NULL
        ) STRICT;
        CREATE INDEX face_consents_by_person ON face_consents (person_id);

        CREATE TABLE face_templates (
            id INTEGER PRIMARY KEY,
            person_id TEXT NOT NULL REFERENCES persons (id),
            consent_id INTEGER NOT NULL REFERENCES face_consents (id),
            model_id TEXT NOT NULL,
            dimensions INTEGER NOT NULL,
            template_sealed BLOB NOT NULL,
            enrolled_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX face_templates_by_person ON face_templates (person_id);
        CREATE INDEX face_templates_by_model ON face_templates (model_id);

        CREATE TABLE access_events (
            id INTEGER PRIMARY KEY,
            sequence INTEGER NOT NULL,
            time TEXT NOT NULL,
            method TEXT NOT NULL,
            reader TEXT NOT NULL,
            person_id TEXT,
            result TEXT NOT NULL,
            reason TEXT NOT NULL,
            latency_us INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT,
            detail TEXT NOT NULL,
            prev_hash BLOB NOT NULL,
            hash BLOB NOT NULL
        ) STRICT;
        -- Append-only against mistakes in our own code; the hash chain is what catches deliberate edits.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
        """;
}
