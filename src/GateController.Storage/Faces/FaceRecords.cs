using System.Globalization;
using System.Security.Cryptography;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Faces;

/// <summary>
/// Rows of <c>face_consents</c> and <c>face_templates</c>, sealed under the person's face key. The
/// associated data binds a template to its person, row id and embedder model.
/// </summary>
internal static class FaceRecords
{
    public static (long ConsentId, int Templates) Insert(
        SqliteTransaction transaction, MasterKey master, string personId, IReadOnlyList<float[]> embeddings, string modelId, ConsentRecord consent, DateTimeOffset now)
    {
        var time = StoreTime.Format(now);
        var faceKey = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Face)
            ?? PersonKeyRing.Create(transaction, master, personId, KeyPurpose.Face, now);
        try
        {
            var consentId = InsertReturningId(
                transaction,
                "INSERT INTO face_consents (person_id, consented_at, recorded_at, details_sealed) VALUES ($person, $consented, $at, x'') RETURNING id",
                ("$person", personId),
                ("$consented", StoreTime.Format(consent.ConsentedAt)),
                ("$at", time));
            var details = ConsentDetails.From(consent).ToUtf8();
            var sealedDetails = RecordSealer.Seal(faceKey, details, RecordBinding.For(RecordKind.FaceConsent, personId, consentId));
            CryptographicOperations.ZeroMemory(details);
            transaction.Execute("UPDATE face_consents SET details_sealed = $sealed WHERE id = $id", ("$sealed", sealedDetails), ("$id", consentId));

            foreach (var embedding in embeddings)
            {
                var templateId = InsertReturningId(
                    transaction,
                    "INSERT INTO face_templates (person_id, consent_id, model_id, dimensions, template_sealed, enrolled_at) VALUES ($person, $consent, $model, $dimensions, x'', $at) RETURNING id",
                    ("$person", personId),
                    ("$consent", consentId),
                    ("$model", modelId),
                    ("$dimensions", embedding.Length),
                    ("$at", time));
                var plaintext = EmbeddingCodec.ToBytes(embedding);
                var sealedTemplate = RecordSealer.Seal(faceKey, plaintext, TemplateBinding(personId, templateId, modelId));
                CryptographicOperations.ZeroMemory(plaintext);
                transaction.Execute("UPDATE face_templates SET template_sealed = $sealed WHERE id = $id", ("$sealed", sealedTemplate), ("$id", templateId));
            }

            return (consentId, embeddings.Count);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(faceKey);
        }
    }

    /// <summary>
    /// Templates stored under any other embedder, counted in plain SQL without opening them: after a model
    /// change they can never match, and the daemon must say so rather than drop them silently.
    /// </summary>
    public static (int Templates, int Persons) CountOtherModels(SqliteTransaction transaction, string modelId)
    {
        using var command = transaction
            .Command("SELECT COUNT(*), COUNT(DISTINCT person_id) FROM face_templates WHERE model_id <> $model")
            .With("$model", modelId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Deletes the person's templates, then consents (templates reference them); returns both counts.</summary>
    public static (int Templates, int Consents) Delete(SqliteTransaction transaction, string personId)
    {
        var templates = transaction.Execute("DELETE FROM face_templates WHERE person_id = $person", ("$person", personId));
        var consents = transaction.Execute("DELETE FROM face_consents WHERE person_id = $person", ("$person", personId));
        return (templates, consents);
    }

    /// <summary>Deletes the person's templates made by any other embedder model; returns how many.</summary>
    public static int DeleteOtherModels(SqliteTransaction transaction, string personId, string modelId) =>
        transaction.Execute(
            "DELETE FROM face_templates WHERE person_id = $person AND model_id <> $model", ("$person", personId), ("$model", modelId));

    public static (long Templates, long Persons) Count(SqliteTransaction transaction) =>
        (transaction.Scalar<long>("SELECT COUNT(*) FROM face_templates"),
         transaction.Scalar<long>("SELECT COUNT(DISTINCT person_id) FROM face_templates"));

    internal static RecordBinding TemplateBinding(string personId, long templateId, string modelId) =>
        new(RecordKind.FaceTemplate, personId, templateId.ToString(CultureInfo.InvariantCulture) + "/" + modelId);

    internal static (byte[]? Key, string? Problem) TryUnwrap(SqliteTransaction transaction, MasterKey master, string personId)
    {
        try
        {
            var key = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Face);
            return key is null ? (null, $"person '{personId}' has no face key (it was destroyed); the row is orphaned.") : (key, null);
        }
        catch (StoreIntegrityException exception)
        {
            return (null, exception.Message);
        }
    }

    private static long InsertReturningId(SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        transaction.Scalar<long>(sql, parameters);
}
