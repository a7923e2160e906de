using System.Diagnostics;
using GateController.Vision.Detection;
using GateController.Vision.Embedding;
using GateController.Vision.Imaging;
using GateController.Vision.Liveness;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using GateController.Vision.Quality;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Vision.Pipeline;

/// <summary>
/// The face path for one frame: detect → pick the largest face → align → quality (when a gate is given; a refused face
/// is not embedded) → liveness (when a scorer is given) → embed → match. Calls are
/// serialised (the models reuse their buffers); one analyser per camera is the intended use.
/// </summary>
public sealed class FaceAnalyzer : IDisposable
{
    private readonly IFaceDetector _detector;
    private readonly IFaceEmbedder _embedder;
    private readonly IFaceFrameStage[] _stages;
    private readonly AlignFaceStage _align = new();
    private readonly EmbedFaceStage _embed;
    private readonly LivenessScorer? _liveness;
    private readonly bool _ownsModels;
    private readonly ILogger _logger;
    private readonly float[] _embedding;
    private readonly List<DetectedFace> _faces = [];
    private FaceFrameContext? _context;
    private readonly Lock _gate = new();

    public FaceAnalyzer(
        IFaceDetector detector,
        IFaceEmbedder embedder,
        TemplateIndex index,
        ILogger<FaceAnalyzer>? logger = null,
        FaceQualityGate? quality = null,
        LivenessScorer? liveness = null,
        bool qualityRefuses = true)
        : this(detector, embedder, index, ownsModels: false, logger, quality, liveness, qualityRefuses)
    {
    }

    private FaceAnalyzer(
        IFaceDetector detector, IFaceEmbedder embedder, TemplateIndex index, bool ownsModels, ILogger? logger, FaceQualityGate? quality, LivenessScorer? liveness, bool qualityRefuses)
    {
        if (embedder.Dimension != index.Dimension)
        {
            throw new ArgumentException($"The embedder gives {embedder.Dimension}-d embeddings but the index holds {index.Dimension}-d templates.", nameof(index));
        }

        _detector = detector;
        _embedder = embedder;
        _ownsModels = ownsModels;
        _logger = logger ?? NullLogger.Instance;
        _embedding = new float[embedder.Dimension];
        _embed = new EmbedFaceStage(embedder);
        _liveness = liveness;
        List<IFaceFrameStage> stages = [new DetectFacesStage(detector), new SelectLargestFaceStage(), _align];
        if (quality is not null)
        {
            stages.Add(new AssessQualityStage(quality, qualityRefuses));
        }

        if (liveness is not null)
        {
            stages.Add(new ScoreLivenessStage(liveness));
        }

        _stages = [.. stages, _embed, new MatchTemplatesStage(index)];
        Index = index;
    }

    public TemplateIndex Index { get; }

    public int EmbeddingDimension => _embedder.Dimension;

    /// <summary>Fetches the configured models (cache, mirror, pinned URL) and opens them.</summary>
    public static async Task<FaceAnalyzer> CreateAsync(
        ModelOptions models,
        FaceDetectorOptions detection,
        TemplateIndex index,
        ModelFetcher fetcher,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        var catalog = ModelCatalog.LoadEmbedded();
        var detector = catalog.GetModel(models.Detector);
        var embedder = catalog.GetModel(models.Embedder);
        var detectorPath = await fetcher.FetchAsync(detector, cancellationToken).ConfigureAwait(false);
        var embedderPath = await fetcher.FetchAsync(embedder, cancellationToken).ConfigureAwait(false);
        return Open(detectorPath, detector, embedderPath, embedder, detection, index, models.IntraOpThreads, loggerFactory);
    }

    /// <summary>Opens models that are already on disk (verified by <see cref="ModelFetcher"/>).</summary>
    public static FaceAnalyzer Open(
        string detectorPath,
        ModelEntry detector,
        string embedderPath,
        ModelEntry embedder,
        FaceDetectorOptions detection,
        TemplateIndex index,
        int intraOpThreads = ModelOptions.DefaultIntraOpThreads,
        ILoggerFactory? loggerFactory = null,
        FaceQualityOptions? quality = null,
        IReadOnlyList<(string Path, ModelEntry Model)>? liveness = null,
        bool qualityRefuses = true)
    {
        var faceDetector = new YuNetFaceDetector(detectorPath, detector, detection, intraOpThreads);
        OnnxFaceEmbedder? faceEmbedder = null;
        try
        {
            faceEmbedder = new OnnxFaceEmbedder(embedderPath, embedder, intraOpThreads);
            var scorer = liveness is { Count: > 0 } ? LivenessScorer.Open(liveness, intraOpThreads, loggerFactory) : null;
            var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FaceAnalyzer>();
            Log.ModelsLoaded(logger, detector.File, embedder.File, faceEmbedder.Dimension, intraOpThreads);
            var gate = quality is null ? null : new FaceQualityGate(quality);
            return new FaceAnalyzer(faceDetector, faceEmbedder, index, ownsModels: true, logger, gate, scorer, qualityRefuses);
        }
        catch
        {
            faceEmbedder?.Dispose();
            faceDetector.Dispose();
            throw;
        }
    }

    /// <summary>Every face in <paramref name="image"/>, with the largest one matched against the index.</summary>
    /// <remarks>The result is the caller's to keep (it is copied out); <see cref="AnalyzeDecidingFace"/> is the per-frame path.</remarks>
    public FaceAnalysis Analyze(FaceImage image)
    {
        lock (_gate)
        {
            var context = Run(image);
            var faces = new List<AnalyzedFace>(context.Faces.Count);
            if (context.SelectedFace >= 0)
            {
                faces.Add(Deciding(context));
            }

            for (var i = 0; i < context.Faces.Count; i++)
            {
                if (i != context.SelectedFace)
                {
                    faces.Add(new AnalyzedFace(context.Faces[i], null));
                }
            }

            return new FaceAnalysis(faces, [.. context.Timings]);
        }
    }

    /// <summary>
    /// The face that decides (the largest, with its match; null when no one is enrolled), or null when the frame
    /// shows no face. The same analysis as <see cref="Analyze"/> without the list of every face and the timings,
    /// and it allocates nothing once warmed up: the camera loop calls it on every frame from a niced thread, and
    /// a niced thread that triggers a GC stops the card and PIN threads for as long as the collection takes.
    /// </summary>
    public AnalyzedFace? AnalyzeDecidingFace(FaceImage image)
    {
        lock (_gate)
        {
            var context = Run(image);
            return context.SelectedFace >= 0 ? Deciding(context) : null;
        }
    }

    /// <summary>
    /// The per-frame path of the face worker: what was found about the deciding (largest) face, and its unit-length
    /// embedding copied into <paramref name="embedding"/> when it was embedded; false when the frame shows no face.
    /// Allocates nothing once warmed up.
    /// </summary>
    public bool TryAnalyzeDecidingFace(FaceImage image, Span<float> embedding, out DecidingFace deciding)
    {
        lock (_gate)
        {
            var context = Run(image);
            if (context.SelectedFace < 0)
            {
                deciding = default;
                return false;
            }

            if (context.HasEmbedding)
            {
                context.Embedding.CopyTo(embedding);
            }

            deciding = new DecidingFace(context.Faces[context.SelectedFace], context.Faces.Count, context.Quality, context.LivenessScore, context.HasEmbedding);
            return true;
        }
    }

    /// <summary>
    /// The per-frame path of the face worker: the deciding (largest) face and its unit-length embedding copied into
    /// <paramref name="embedding"/>, or false when the frame shows no face. Allocates nothing once warmed up.
    /// </summary>
    public bool TryEmbedDecidingFace(FaceImage image, Span<float> embedding, out DetectedFace face, out int facesInFrame)
    {
        lock (_gate)
        {
            var context = Run(image);
            facesInFrame = context.Faces.Count;
            if (context.SelectedFace < 0 || !context.HasEmbedding)
            {
                face = default;
                return false;
            }

            context.Embedding.CopyTo(embedding);
            face = context.Faces[context.SelectedFace];
            return true;
        }
    }

    /// <summary>Every face of an uploaded image (the deciding one first) and the deciding face's embedding, to keep.</summary>
    public (FaceAnalysis Analysis, float[]? Embedding) AnalyzeAndEmbed(FaceImage image)
    {
        lock (_gate)
        {
            var analysis = Analyze(image);
            return (analysis, _context is { HasEmbedding: true, SelectedFace: >= 0 } context ? [.. context.Embedding] : null);
        }
    }

    /// <summary>The unit-length embedding of the one face in an enrolment photo.</summary>
    /// <param name="source">Names the photo in error messages (e.g. its path).</param>
    /// <exception cref="FaceEnrolmentException">The photo shows no face or more than one.</exception>
    public float[] EmbedSingleFace(FaceImage image, string source = "the image")
    {
        lock (_gate)
        {
            var faces = new List<DetectedFace>();
            _detector.Detect(image, faces);
            if (faces.Count != 1)
            {
                throw new FaceEnrolmentException(faces.Count == 0
                    ? $"no face found in {source}; enrolment needs exactly one"
                    : $"{faces.Count} faces found in {source}; enrolment needs exactly one");
            }

            var context = new FaceFrameContext(image, _embedding) { Faces = faces, SelectedFace = 0 };
            _align.Process(context);
            _embed.Process(context);
            return [.. _embedding];
        }
    }

    public void Dispose()
    {
        _align.Dispose();
        if (_ownsModels)
        {
            _liveness?.Dispose();
            (_detector as IDisposable)?.Dispose();
            (_embedder as IDisposable)?.Dispose();
        }
    }

    private static AnalyzedFace Deciding(FaceFrameContext context) =>
        new(context.Faces[context.SelectedFace], context.Match, context.Quality, context.LivenessScore);

    /// <summary>Runs the stages over the reused context; valid until the next call (callers hold <see cref="_gate"/>).</summary>
    private FaceFrameContext Run(FaceImage image)
    {
        var context = _context ??= new FaceFrameContext(image, _embedding);
        context.Reset(image, _faces);
        var started = Stopwatch.GetTimestamp();
        foreach (var stage in _stages.AsSpan())
        {
            var stageStarted = Stopwatch.GetTimestamp();
            stage.Process(context);
            context.Timings.Add(new StageTiming(stage.Name, Stopwatch.GetElapsedTime(stageStarted)));
            if (context.StoppedBecause is not null)
            {
                break;
            }
        }

        Log.Analysed(_logger, image.Width, image.Height, context.Faces.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return context;
    }
}
