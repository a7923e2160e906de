using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Faces;

/// <summary>
/// Streams one embedder model's templates to a sink: each row is read and opened into one reused pinned buffer,
/// handed over as floats and zeroed. Rows come ordered by person, so only the current person's face key is held.
/// </summary>
internal static class FaceTemplateReader
{
    public static FaceTemplateScan Scan(SqliteTransaction transaction, MasterKey master, string modelId, IFaceTemplateSink sink)
    {
        sink.Begin((int)transaction.Scalar<long>("SELECT COUNT(*) FROM face_templates WHERE model_id = $model", ("$model", modelId)));
        using var command = transaction
            .Command("SELECT id, person_id, dimensions, template_sealed FROM face_templates WHERE model_id = $model ORDER BY person_id, id")
            .With("$model", modelId);
        using var reader = command.ExecuteReader();
        var damaged = new List<DamagedRecord>();
        var plaintext = GC.AllocateArray<byte>(EmbeddingCodec.MaxDimensions * sizeof(float), pinned: true);
        var embedding = GC.AllocateArray<float>(EmbeddingCodec.MaxDimensions, pinned: true);
        var sealedRecord = new byte[RecordSealer.Overhead + plaintext.Length];
        string? keyPerson = null;
        (byte[]? Key, string? Problem) entry = (null, null);
        var loaded = 0;
        try
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var personId = reader.GetString(1);
                if (!string.Equals(personId, keyPerson, StringComparison.Ordinal))
                {
                    CryptographicOperations.ZeroMemory(entry.Key);
                    entry = FaceRecords.TryUnwrap(transaction, master, personId);
                    keyPerson = personId;
                }

                if (entry.Key is not { } faceKey)
                {
                    damaged.Add(new DamagedRecord(personId, id, $"Face template #{id} of person '{personId}' was not loaded: {entry.Problem}"));
                    continue;
                }

                var dimensions = reader.GetInt32(2);
                var sealedLength = reader.GetBytes(3, 0, null, 0, 0);
                if (dimensions is < 1 or > EmbeddingCodec.MaxDimensions || sealedLength != RecordSealer.Overhead + (dimensions * sizeof(float)) ||
                    reader.GetBytes(3, 0, sealedRecord, 0, (int)sealedLength) != sealedLength ||
                    !RecordSealer.TryOpenInto(faceKey, sealedRecord.AsSpan(0, (int)sealedLength), FaceRecords.TemplateBinding(personId, id, modelId), plaintext))
                {
                    damaged.Add(new DamagedRecord(personId, id,
                        $"Face template #{id} of person '{personId}' fails authentication; the row was damaged, edited or copied from another row or person. It was not loaded."));
                    continue;
                }

                var values = embedding.AsSpan(0, dimensions);
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadSingleLittleEndian(plaintext.AsSpan(i * sizeof(float)));
                }

                sink.Add(personId, values);
                loaded++;
                CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(values));
                CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, dimensions * sizeof(float)));
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entry.Key);
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(embedding.AsSpan()));
        }

        var (otherTemplates, otherPersons) = FaceRecords.CountOtherModels(transaction, modelId);
        return new FaceTemplateScan(loaded, damaged, otherTemplates, otherPersons);
    }

    /// <summary>Collects the stream into arrays: for callers that keep the templates (tests, small stores).</summary>
    internal sealed class Collector : IFaceTemplateSink
    {
        public List<FaceTemplate> Templates { get; } = [];

        public void Begin(int storedTemplates) => Templates.Capacity = storedTemplates;

        public void Add(string personId, ReadOnlySpan<float> embedding) => Templates.Add(new FaceTemplate(personId, embedding.ToArray()));
    }
}
