namespace GateController.Storage.Database;

/// <summary>
/// Audit retention (issue #4): decision rows carry the same personal data as the access events and go with
/// them, behind the anchor in <c>meta</c> (README.md, "Audit chain"). Every other audit row stays append-only.
/// </summary>
internal static class SchemaVersion3
{
    public const string Sql = """
        DROP TRIGGER audit_no_delete;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN OLD.kind <> 'AccessDecision'
        BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
        """;
}
