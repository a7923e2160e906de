using Microsoft.ML.OnnxRuntime;

namespace GateController.Vision.Models;

/// <summary>The one place ONNX Runtime sessions are configured, so detector and embedder agree.</summary>
internal static class OnnxSessions
{
    public static InferenceSession Open(string modelPath, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new InvalidOperationException($"ONNX Runtime could not load the model {modelPath}: {exception.Message}", exception);
        }
    }
}
