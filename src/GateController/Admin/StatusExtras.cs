using System.Text.Json.Nodes;
using GateController.Core.Events;
using GateController.Face;
using GateController.Storage.Store;

namespace GateController.Admin;

/// <summary>
/// What <c>gatectl status</c> shows beyond the subsystems' own accounts, read per request only (the subsystems' statuses
/// also feed the watchdog, every few seconds): the models in use with their verified checksums, each reader's and
/// keypad's last activity, card and PIN counts, and the last 10 events.
/// </summary>
internal static class StatusExtras
{
    public const int RecentEvents = 10;

    public static void Add(JsonObject status, FacePath face, AccessEventJournal journal, GateStore store)
    {
        status["models"] = Models(face);
        var recent = journal.Recent();
        if (status["readers"] is JsonObject readers)
        {
            foreach (var (id, reader) in readers)
            {
                if (reader is JsonObject entry)
                {
                    entry["lastActivity"] = recent.LastOrDefault(e => e.Reader == id) is { } last ? last.Timestamp : null;
                }
            }
        }

        if (status["store"] is JsonObject storeSection)
        {
            var (cards, pins) = store.CountCredentials();
            storeSection["cards"] = cards;
            storeSection["pins"] = pins;
        }

        status["recentEvents"] = new JsonArray([.. recent.TakeLast(RecentEvents).Select(e => (JsonNode)AccessEventJson.From(e))]);
    }

    /// <summary>The files were checked against the manifest's size and sha256 when fetched; none is loaded while the face path starts or has failed.</summary>
    private static JsonNode Models(FacePath face) => face.Models is { } models
        ? new JsonArray(
            Model(models.Detector.Role, models.Detector.File, models.DetectorPath, models.Detector.Sha256, models.Detector.Bytes),
            Model(models.Embedder.Role, models.Embedder.File, models.EmbedderPath, models.Embedder.Sha256, models.Embedder.Bytes))
        : new JsonArray();

    private static JsonObject Model(string role, string file, string path, string sha256, long bytes) => new()
    {
        ["role"] = role,
        ["file"] = file,
        ["path"] = path,
        ["sha256"] = sha256,
        ["bytes"] = bytes,
    };
}
