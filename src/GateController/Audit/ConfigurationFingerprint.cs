using System.Security.Cryptography;
using System.Text;

namespace GateController.Audit;

/// <summary>
/// SHA-256 digests of the effective configuration, per top-level section and as a whole, over every
/// key and value in ordinal key order. Only digests leave this type: the audit and <c>meta</c> never hold
/// a configured value, so a secret in the config never reaches the store.
/// </summary>
internal sealed record ConfigurationFingerprint(IReadOnlyDictionary<string, string> SectionDigests, string Digest)
{
    public static ConfigurationFingerprint Of(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        var sections = settings
            .GroupBy(pair => pair.Key.Split(ConfigurationPath.KeyDelimiter)[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => DigestOf(group), StringComparer.Ordinal);
        return new ConfigurationFingerprint(sections, DigestOf(settings));
    }

    private static string DigestOf(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in settings)
        {
            // NUL separates key from value and ends the pair: neither can contain it in a config source.
            hash.AppendData(Encoding.UTF8.GetBytes($"{key}\0{value}\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
