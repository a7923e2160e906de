using GateController.Face;
using GateController.Vision.Models;

namespace GateController.Cli.Eval;

/// <summary>
/// The configured detector and embedder, fetched and verified through the daemon's own <see cref="ModelFetcher"/>
/// (cache, mirror, pinned URL; the int8 embedder built on the device), for the analysis processes to open read-only.
/// </summary>
internal sealed class EvalModels : IFaceAnalysisModels
{
    private EvalModels(FaceModelFiles models, int dimension)
    {
        Models = models;
        EmbeddingDimension = dimension;
        EmbedderModelId = models.Embedder.Sha256;
    }

    public FaceModelFiles? Models { get; }

    public string Problem => "";

    public int EmbeddingDimension { get; }

    public string EmbedderModelId { get; }

    public static async Task<EvalModels> FetchAsync(EvalSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var files = await FaceModelFiles.FetchAsync(new ModelFetcher(settings.Models, http), settings.Models, settings.Detection, cancellationToken).ConfigureAwait(false);
            return new EvalModels(files, files.Embedder.EmbeddingDimension ?? throw new CliException($"the manifest gives no embedding dimension for {files.Embedder.File}", ExitCodes.LocalInput));
        }
        catch (Exception exception) when (exception is ModelFileException or KeyNotFoundException or HttpRequestException or IOException or InvalidDataException)
        {
            throw new CliException($"the face models cannot be had: {exception.Message}; try gatectl models fetch", ExitCodes.LocalInput);
        }
    }
}
