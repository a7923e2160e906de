using GateController.Storage.Faces;
using GateController.Storage.Keys;
using GateController.Storage.Persons;
using GateController.Storage.Store;
using GateController.Vision.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Benchmarks.Memory;

/// <summary>
/// Enrols residents straight through the storage API (the daemon stopped), as the admin endpoints would one by one:
/// persons in import transactions of 5,000, then each person's templates sealed under their own face key with a
/// consent record. Templates are random unit vectors of the embedder's dimension: the store and the index hold them
/// exactly as they hold real ones.
/// </summary>
internal static class BulkEnrolment
{
    public static void Enrol(string dataDirectory, int fromPerson, int toPerson, int templatesPerPerson, Random random)
    {
        using var store = Open(dataDirectory);
        var embedder = ModelCatalog.LoadEmbedded().GetModel(new ModelOptions().Embedder);
        var dimension = embedder.EmbeddingDimension ?? throw new InvalidOperationException($"no embedding dimension for {embedder.File}");
        for (var start = fromPerson; start < toPerson; start += 5000)
        {
            var rows = Enumerable.Range(start, Math.Min(5000, toPerson - start))
                .Select((p, i) => new PersonImportRow(i + 2, PersonId(p), $"Resident {p}", [], [], null, null))
                .ToList();
            var import = store.ImportPersons(rows, dryRun: false);
            if (!import.Applied)
            {
                throw new InvalidOperationException($"the import was refused: {import.Problems[0].Message}");
            }
        }

        var consent = new ConsentRecord("resident", DateTimeOffset.UtcNow.AddMinutes(-1), "benchmark", "benchmark");
        for (var person = fromPerson; person < toPerson; person++)
        {
            var templates = Enumerable.Range(0, templatesPerPerson).Select(_ => RandomTemplates.Unit(dimension, random)).ToList();
            var enrolment = store.AddFaceTemplates(PersonId(person), templates, embedder.Sha256, consent);
            if (!enrolment.Succeeded)
            {
                throw new InvalidOperationException($"enrolment of {PersonId(person)} was refused: {enrolment.Refusal?.Message}");
            }
        }
    }

    public static int CountPersons(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "gate.db")))
        {
            return 0;
        }

        using var store = Open(dataDirectory);
        return store.ListPersons().Count;
    }

    private static GateStore Open(string dataDirectory)
    {
        var options = new StoreOptions { DataDirectory = dataDirectory, CreateDevelopmentKey = true };
        return GateStore.Open(options, MasterKeySources.FromEnvironment(options), TimeProvider.System, NullLogger<GateStore>.Instance);
    }

    private static string PersonId(int person) => $"R-{person:000000}";
}
