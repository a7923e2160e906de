using System.Buffers.Binary;

namespace GateController.Storage.Faces;

/// <summary>float[] ⇄ little-endian IEEE 754 bytes, so a store moves between architectures unchanged.</summary>
internal static class EmbeddingCodec
{
    /// <summary>Larger than any face embedder in use (MobileFaceNet 128, ArcFace 512).</summary>
    public const int MaxDimensions = 4096;

    public static void Validate(IReadOnlyList<float[]> embeddings, string paramName)
    {
        if (embeddings.Count == 0)
        {
            throw new ArgumentException("At least one embedding is required.", paramName);
        }

        var dimensions = embeddings[0]?.Length ?? 0;
        for (var i = 0; i < embeddings.Count; i++)
        {
            var embedding = embeddings[i] ?? throw new ArgumentException($"Embedding {i} is null.", paramName);
            if (embedding.Length is 0 or > MaxDimensions || embedding.Length != dimensions)
            {
                throw new ArgumentException($"Embedding {i} has {embedding.Length} dimensions; expected {dimensions} (1 to {MaxDimensions}, the same for all).", paramName);
            }

            foreach (var value in embedding)
            {
                if (!float.IsFinite(value))
                {
                    throw new ArgumentException($"Embedding {i} contains {value}; expected finite values only.", paramName);
                }
            }
        }
    }

    public static byte[] ToBytes(ReadOnlySpan<float> embedding)
    {
        var bytes = GC.AllocateArray<byte>(embedding.Length * sizeof(float), pinned: true);
        for (var i = 0; i < embedding.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), embedding[i]);
        }

        return bytes;
    }

    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var embedding = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < embedding.Length; i++)
        {
            embedding[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return embedding;
    }
}
