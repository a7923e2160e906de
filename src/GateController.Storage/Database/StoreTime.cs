using System.Globalization;

namespace GateController.Storage.Database;

/// <summary>
/// Times are stored as round-trip ISO 8601 text in UTC. The audit chain hashes this exact text,
/// so the format must never change for existing rows.
/// </summary>
internal static class StoreTime
{
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
