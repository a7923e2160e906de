namespace GateController.Storage.Database;

/// <summary>
/// Two doors (issue #10): each access event names its door. Door events (alarms, exit, manual open, fire)
/// are rows of the same table with their own methods and results; rows from before are door 1.
/// </summary>
internal static class SchemaVersion5
{
    public const string Sql = """
        ALTER TABLE access_events ADD COLUMN door INTEGER NOT NULL DEFAULT 1;
        """;
}
