using System.Numerics.Tensors;

namespace GateController.Benchmarks;

/// <summary>Random unit vectors: stand-ins for templates where only their size and layout matter (memory, match).</summary>
internal static class RandomTemplates
{
    public static float[] Unit(int dimension, Random random)
    {
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
