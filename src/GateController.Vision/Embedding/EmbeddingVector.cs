using System.Numerics.Tensors;

namespace GateController.Vision.Embedding;

/// <summary>Checks and normalisation shared by the embedder and the template index.</summary>
internal static class EmbeddingVector
{
    /// <summary>Scales <paramref name="vector"/> to unit length in place; throws on NaN, infinity or a zero vector.</summary>
    public static void Normalise(Span<float> vector, string what)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm) || norm < 1e-12f)
        {
            throw new ArgumentException($"The {what} has no direction (its norm is {norm}); it contains NaN, infinity or only zeros.");
        }

        TensorPrimitives.Divide(vector, norm, vector);
    }

    public static void EnsureFinite(ReadOnlySpan<float> vector, string what)
    {
        // MaxMagnitude propagates NaN, so one SIMD pass finds both NaN and infinity.
        var largest = TensorPrimitives.MaxMagnitude(vector);
        if (float.IsNaN(largest))
        {
            throw new ArgumentException($"The {what} contains NaN.");
        }

        if (float.IsInfinity(largest))
        {
            throw new ArgumentException($"The {what} contains an infinite value.");
        }
    }
}
