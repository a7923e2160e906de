using System.Text.Json;
using GateController.Vision.Camera;
using GateController.FaceWorker;
using GateController.Vision.Detection;
using GateController.Vision.Motion;
using GateController.Vision.Quality;

namespace GateController.FaceChannel;

/// <summary>
/// Everything a face process needs, sent by the daemon as the first frame: verified model paths (the process
/// reads them, it never fetches or builds), detection settings and, for the camera worker, the camera. No key,
/// no store path and no template ever goes this way.
/// </summary>
public sealed class FaceProcessSettings
{
    public required string DetectorPath { get; init; }

    public required string Detector { get; init; }

    public required string EmbedderPath { get; init; }

    public required string Embedder { get; init; }

    public int IntraOpThreads { get; init; } = 1;

    public FaceDetectorOptions Detection { get; init; } = new();

    /// <summary>The quality gate's limits; null runs no gate (every face is embedded).</summary>
    public FaceQualityOptions? Quality { get; init; }

    /// <summary>
    /// Whether a face the gate refuses goes unembedded (the camera worker) or is only marked (an upload for enrolment or
    /// identify: the daemon decides what its quality means).
    /// </summary>
    public bool QualityRefusesEmbedding { get; init; } = true;

    /// <summary>The verified liveness models; null or empty when <c>Face:Liveness:Required</c> is off (no score then).</summary>
    public IReadOnlyList<LivenessModelFile>? Liveness { get; init; }

    /// <summary>The camera for the worker; null for an analysis process.</summary>
    public CameraOptions? Camera { get; init; }

    /// <summary>Which camera frames reach the detector (<c>Face:Motion</c>); the worker only.</summary>
    public MotionOptions Motion { get; init; } = new();

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A frame taking longer than this stops the heartbeats, so the daemon replaces the process.</summary>
    public TimeSpan FrameHangLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Images (uploads and camera frames) declaring more pixels are refused before decoding.</summary>
    public long MaximumImagePixels { get; init; }

    /// <summary>Where to load ONNX Runtime's native library from instead of the bundled one (e.g. a Jetson's CUDA build).</summary>
    public string? NativeLibraryDirectory { get; init; }

    public void Send(FaceChannelWriter writer) =>
        writer.Write(FaceMessageType.Settings, JsonSerializer.SerializeToUtf8Bytes(this));

    /// <exception cref="FaceChannelViolationException">Not settings JSON.</exception>
    public static FaceProcessSettings Parse(ReadOnlySpan<byte> payload)
    {
        try
        {
            return JsonSerializer.Deserialize<FaceProcessSettings>(payload)
                ?? throw new FaceChannelViolationException("the settings frame is empty");
        }
        catch (JsonException exception)
        {
            throw new FaceChannelViolationException($"the settings frame is not valid: {exception.Message}");
        }
    }
}
