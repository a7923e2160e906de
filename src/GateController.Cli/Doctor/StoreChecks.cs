using System.Security.Cryptography;
using GateController.Configuration;
using GateController.Vision.Models;

namespace GateController.Cli.Doctor;

/// <summary>The configuration, the model files and the store's key.</summary>
internal static class StoreChecks
{
    public static IEnumerable<DoctorFinding> Configuration(DoctorContext context)
    {
        var problems = OfflineConfigurationCheck.Check(context.ConfigFile, context.Simulate);
        return problems.Count == 0
            ? [DoctorFinding.Pass("config", $"{context.ConfigFile}: the daemon would start with it")]
            : problems.Select(p => DoctorFinding.Fail("config", p, $"edit {context.ConfigFile} (gatectl config check {context.ConfigFile} re-checks it)"));
    }

    public static async Task<IReadOnlyList<DoctorFinding>> ModelsAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (string.Equals(context.Configuration["Face:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return [DoctorFinding.Skip("models", "face recognition is off")];
        }

        var options = new ModelOptions { CacheDirectory = context.Configuration["Vision:Models:CacheDirectory"] };
        var cache = new ModelFetcher(options).CacheDirectory;
        var catalog = ModelCatalog.LoadEmbedded();
        var findings = new List<DoctorFinding>();
        foreach (var file in new[] { context.Configuration["Vision:Models:Detector"] ?? ModelOptions.DefaultDetector, context.Configuration["Vision:Models:Embedder"] ?? ModelOptions.DefaultEmbedder })
        {
            var entry = catalog.GetModel(file);
            var path = Path.Combine(cache, file);
            if (!File.Exists(path))
            {
                findings.Add(DoctorFinding.Fail("models", $"{path} is missing", "gatectl models fetch (or reinstall the package, which verifies the models)"));
                continue;
            }

            await using var stream = File.OpenRead(path);
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            findings.Add(string.Equals(sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase) && stream.Length == entry.Bytes
                ? DoctorFinding.Pass("models", $"{file}: sha256 {sha256[..16]}… verified")
                : DoctorFinding.Fail("models", $"{file}: {stream.Length} bytes, sha256 {sha256}; the manifest says {entry.Bytes} bytes, {entry.Sha256}", $"delete {path} and run gatectl models fetch"));
        }

        return findings;
    }

    public static DoctorFinding Key(DoctorContext context)
    {
        const string Check = "store";
        if (context.Status?["store"] is { } store)
        {
            return store["state"]?.GetValue<string>() == "healthy"
                ? DoctorFinding.Pass(Check, $"the running daemon opened {store["detail"]} with its key")
                : DoctorFinding.Fail(Check, $"{store["detail"]}", "journalctl -u gate-controller --grep '\\[30[0-9][0-9]\\]' names the store problem; gatectl restore brings back the last good backup");
        }

        var database = Path.Combine(context.DataDirectory, "gate.db");
        return File.Exists(database)
            ? DoctorFinding.Skip(Check, $"the daemon is not running; start it to open {database} (it refuses a key that does not open the store, exit 78)")
            : DoctorFinding.Skip(Check, $"no store yet at {database}: the daemon creates it at its first start");
    }
}
