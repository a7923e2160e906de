using System.Text;
using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Persons;

namespace GateController.Storage.Store;

/// <summary>Audit rows the host writes itself: admin commands and configuration changes; and the journal pseudonym key.</summary>
public sealed partial class GateStore
{
    private const string ConfigurationMetaName = "config_fingerprint";

    /// <summary>
    /// Audits one mutating admin request by method, route pattern and status; the person id only when it
    /// is a valid id. Never a body, a name, an image or a PIN. Durable on return.
    /// </summary>
    public long RecordAdminCommand(string method, string route, int status, string? personId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        var subject = personId is not null && PersonId.IsValid(personId) ? personId : null;
        var now = _time.GetUtcNow();
        return _database.Write(transaction =>
            AuditTrail.Append(transaction, now, AuditKind.AdminCommand, subject, $"{method} {route} -> {status}"));
    }

    /// <summary>
    /// Compares the configuration's per-section digests with those recorded at the previous start and, when
    /// they differ (or none were recorded), appends a <see cref="AuditKind.ConfigChanged"/> row naming the
    /// changed sections and the new whole-configuration digest. Returns the changed sections, empty when none.
    /// Only digests are stored, never values.
    /// </summary>
    public IReadOnlyList<string> RecordConfiguration(IReadOnlyDictionary<string, string> sectionDigests, string configurationDigest)
    {
        ArgumentNullException.ThrowIfNull(sectionDigests);
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationDigest);
        var now = _time.GetUtcNow();
        return _database.Write(transaction =>
        {
            var previous = StoreMeta.Read(transaction, ConfigurationMetaName) is { } recorded ? ParseDigests(recorded) : null;
            var changed = sectionDigests.Keys.Union(previous?.Keys ?? Enumerable.Empty<string>(), StringComparer.Ordinal)
                .Where(section => previous is null || !previous.TryGetValue(section, out var before)
                    || !sectionDigests.TryGetValue(section, out var after) || before != after)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (previous is not null && changed.Count == 0)
            {
                return (IReadOnlyList<string>)[];
            }

            var what = previous is null ? "first configuration recorded" : "configuration changed";
            AuditTrail.Append(transaction, now, AuditKind.ConfigChanged, null,
                $"{what}; sections: {string.Join(", ", changed)}; sha256 {configurationDigest}");
            StoreMeta.Write(transaction, ConfigurationMetaName, Encoding.UTF8.GetBytes(
                string.Join('\n', sectionDigests.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"))));
            return changed;
        });
    }

    /// <summary>The device secret that keys journald pseudonyms (created on first use, sealed under the master key). The caller zeroes it.</summary>
    public byte[] PseudonymKeyBytes() => _database.Write(transaction => PseudonymKey.LoadOrCreate(transaction, _masterKey));

    private static Dictionary<string, string> ParseDigests(byte[] recorded) =>
        Encoding.UTF8.GetString(recorded)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
