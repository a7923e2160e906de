using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Quality;

namespace GateController.Vision.Pipeline;

/// <summary>
/// What the stages know about one frame so far. The analyser keeps one and resets it per frame, so the
/// per-frame path allocates nothing; nothing in it outlives the call that filled it.
/// </summary>
public sealed class FaceFrameContext
{
    internal FaceFrameContext(FaceImage frame, float[] embedding)
    {
        Frame = frame;
        Embedding = embedding;
    }

    public FaceImage Frame { get; private set; }

    /// <summary>Every detected face, best score first.</summary>
    public IReadOnlyList<DetectedFace> Faces { get; set; } = [];

    /// <summary>Index into <see cref="Faces"/> of the face that decides, or -1.</summary>
    public int SelectedFace { get; set; } = -1;

    /// <summary>The selected face on the 112x112 template, once aligned (the analyser's reused crop).</summary>
    internal FaceImage? Aligned { get; set; }

    /// <summary>The selected face's quality: <see cref="FaceQuality.Good"/> unless the gate ran and refused it.</summary>
    public FaceQuality Quality { get; set; }

    /// <summary>The selected face's P(real), or NaN when liveness did not run.</summary>
    public float LivenessScore { get; set; } = float.NaN;

    /// <summary>The selected face's unit-length embedding once <see cref="HasEmbedding"/> is set.</summary>
    internal float[] Embedding { get; }

    public bool HasEmbedding { get; set; }

    public TemplateMatch? Match { get; set; }

    /// <summary>Why the chain stopped early (no face, ...), or null while it runs.</summary>
    public string? StoppedBecause { get; private set; }

    /// <summary>How long each stage that ran took, in order.</summary>
    public List<StageTiming> Timings { get; } = [];

    public void Stop(string reason) => StoppedBecause = reason;

    /// <summary>Starts a new frame over the same buffers (<paramref name="faces"/> is the analyser's reused list).</summary>
    internal void Reset(FaceImage frame, List<DetectedFace> faces)
    {
        Frame = frame;
        faces.Clear();
        Faces = faces;
        SelectedFace = -1;
        Aligned = null;
        Quality = FaceQuality.Good;
        LivenessScore = float.NaN;
        HasEmbedding = false;
        Match = null;
        StoppedBecause = null;
        Timings.Clear();
    }
}
