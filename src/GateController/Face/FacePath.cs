using GateController.Core.Health;
using GateController.Storage.Faces;
using GateController.Storage.Store;
using GateController.FaceWorker;
using GateController.Vision.Detection;
using GateController.Vision.Liveness;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using GateController.Vision.Quality;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>
/// The verified face model files and the in-memory template index, kept in step with the store. The models are
/// fetched (and the int8 embedder built) here, in the daemon, which may write the model cache; the face
/// processes only read them. When they cannot be had the face path reports itself failed and says why; card and
/// PIN never depend on it.
/// </summary>
internal sealed class FacePath : ISubsystemStatusSource, IFaceAnalysisModels
{
    private readonly IOptions<ModelOptions> _models;
    private readonly IOptions<FaceDetectorOptions> _detection;
    private readonly IOptions<FacePathOptions> _options;
    private readonly IOptions<FaceLivenessOptions> _liveness;
    private readonly IOptions<FaceQualityOptions> _quality;
    private readonly FaceRefusals _refusals;
    private readonly GateStore _store;
    private readonly ModelFetcher _fetcher;
    private readonly ILogger<FacePath> _logger;
    private readonly TaskCompletionSource<FaceModelFiles?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _problem = "starting";
    private int _otherModelTemplates;
    private int _otherModelPersons;

    public FacePath(
        IOptions<ModelOptions> models,
        IOptions<FaceDetectorOptions> detection,
        IOptions<FacePathOptions> options,
        IOptions<FaceLivenessOptions> liveness,
        IOptions<FaceQualityOptions> quality,
        FaceRefusals refusals,
        GateStore store,
        ModelFetcher fetcher,
        ILoggerFactory loggerFactory)
    {
        _liveness = liveness;
        _quality = quality;
        _refusals = refusals;
        _models = models;
        _detection = detection;
        _options = options;
        _store = store;
        _fetcher = fetcher;
        _logger = loggerFactory.CreateLogger<FacePath>();
        var embedder = ModelCatalog.LoadEmbedded().GetModel(models.Value.Embedder);
        EmbedderModelId = embedder.Sha256;
        Index = new TemplateIndex(embedder.EmbeddingDimension
            ?? throw new InvalidOperationException($"The manifest gives no embedding dimension for {embedder.File}."));
    }

    public TemplateIndex Index { get; }

    public int EmbeddingDimension => Index.Dimension;

    /// <summary>Templates are stored per embedder: a model change must never compare across models.</summary>
    public string EmbedderModelId { get; }

    /// <summary>The model files once fetched and verified; null when the face path is off or failed.</summary>
    public Task<FaceModelFiles?> Ready => _ready.Task;

    public FaceModelFiles? Models => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : null;

    /// <summary>Why there is no analyser, for errors and status.</summary>
    public string Problem => _problem;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Value.Enabled)
        {
            _problem = "face recognition is switched off (Face:Enabled=false)";
            _ready.TrySetResult(null);
            return;
        }

        try
        {
            var files = await FaceModelFiles.FetchAsync(_fetcher, _models.Value, _detection.Value, cancellationToken).ConfigureAwait(false) with
            {
                Quality = _quality.Value,
                Liveness = _liveness.Value.Required ? await FetchLivenessAsync(cancellationToken).ConfigureAwait(false) : [],
            };
            LoadTemplates();
            _problem = "";
            _ready.TrySetResult(files);
        }
        catch (Exception exception) when (exception is ModelFileException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or HttpRequestException or IOException or InvalidDataException)
        {
            _problem = $"face models unavailable: {exception.Message}";
            Log.FacePathFailed(_logger, exception.Message);
            _ready.TrySetResult(null);
        }
    }

    private async Task<IReadOnlyList<LivenessModelFile>> FetchLivenessAsync(CancellationToken cancellationToken)
    {
        var files = new List<LivenessModelFile>();
        foreach (var model in LivenessScorer.ModelsIn(ModelCatalog.LoadEmbedded()))
        {
            files.Add(new LivenessModelFile(model.File, await _fetcher.FetchAsync(model, cancellationToken).ConfigureAwait(false)));
        }

        return files;
    }

    /// <summary>Fills the index from the store; internal so tests can run it without opening the ONNX models.</summary>
    internal void LoadTemplates()
    {
        var builder = new TemplateIndexBuilder(Index.Dimension);
        var load = _store.LoadFaceTemplates(EmbedderModelId, new IndexLoad(builder));
        Index.Replace(builder);
        // The load leaves a ciphertext and an id string per row behind; one compacting collection at start gives that
        // back to the system instead of leaving it resident (the memory benchmark: 316 -> 201 MB at 90,000 templates,
        // with the streamed load).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Log.TemplatesLoaded(_logger, Index.Count, Index.PersonCount, load.Damaged.Count);
        Volatile.Write(ref _otherModelTemplates, load.OtherModelTemplates);
        Volatile.Write(ref _otherModelPersons, load.OtherModelPersons);
        if (load.OtherModelTemplates > 0)
        {
            // Typically after an embedder upgrade: without this, residents would silently stop being recognised.
            Log.OtherModelTemplatesUnused(_logger, load.OtherModelTemplates, load.OtherModelPersons, _models.Value.Embedder);
        }
    }

    private sealed class IndexLoad(TemplateIndexBuilder builder) : IFaceTemplateSink
    {
        public void Begin(int storedTemplates) => builder.Reserve(storedTemplates);

        public void Add(string personId, ReadOnlySpan<float> embedding) => builder.Add(personId, embedding);
    }

    public void AddTemplates(string personId, IEnumerable<float[]> embeddings)
    {
        foreach (var embedding in embeddings)
        {
            Index.Add(personId, embedding);
        }
    }

    /// <summary>A re-enrolment deleted one person's templates of another embedder model (the store did, in its transaction).</summary>
    public void OtherModelTemplatesDeleted() => RecountOtherModelTemplates();

    /// <summary>After the store erased a person or their face data.</summary>
    public void RemovePerson(string personId)
    {
        Index.RemovePerson(personId);
        RecountOtherModelTemplates();
    }

    private void RecountOtherModelTemplates()
    {
        var (templates, persons) = _store.CountOtherModelTemplates(EmbedderModelId);
        Volatile.Write(ref _otherModelTemplates, templates);
        Volatile.Write(ref _otherModelPersons, persons);
    }

    public SubsystemStatus GetStatus()
    {
        var state = !_options.Value.Enabled ? HealthState.Disabled
            : Models is not null ? HealthState.Healthy
            : _ready.Task.IsCompleted ? HealthState.Failed
            : HealthState.Degraded;
        return SubsystemStatus.Of(
            "face",
            state,
            state == HealthState.Healthy ? $"{_models.Value.Detector} + {_models.Value.Embedder}" : _problem,
            [
                ("enrolledPersons", Index.PersonCount),
                ("templates", Index.Count),
                ("otherModelTemplates", Volatile.Read(ref _otherModelTemplates)),
                ("otherModelPersons", Volatile.Read(ref _otherModelPersons)),
                ("livenessRequired", _liveness.Value.Required),
                .. _refusals.Facts(),
            ]);
    }

}
