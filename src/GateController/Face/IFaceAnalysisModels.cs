namespace GateController.Face;

/// <summary>
/// What an analysis process is started with and checked against: the verified model files and the embedder the
/// results must come from. The daemon's <see cref="FacePath"/>; <c>gatectl eval</c> supplies its own, fetched
/// without a daemon or a store.
/// </summary>
internal interface IFaceAnalysisModels
{
    /// <summary>The model files once fetched and verified; null when they cannot be had.</summary>
    FaceModelFiles? Models { get; }

    /// <summary>Why <see cref="Models"/> is null.</summary>
    string Problem { get; }

    int EmbeddingDimension { get; }

    /// <summary>The embedder's sha256, which the process's hello must name.</summary>
    string EmbedderModelId { get; }
}
