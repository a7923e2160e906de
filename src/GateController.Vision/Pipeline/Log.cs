using Microsoft.Extensions.Logging;

namespace GateController.Vision.Pipeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Face models loaded: detector {Detector}, embedder {Embedder} ({Dimension}-d), {Threads} intra-op thread(s)")]
    public static partial void ModelsLoaded(ILogger logger, string detector, string embedder, int dimension, int threads);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Analysed a {Width}x{Height} frame: {Faces} face(s) in {ElapsedMs:F1} ms")]
    public static partial void Analysed(ILogger logger, int width, int height, int faces, double elapsedMs);
}
