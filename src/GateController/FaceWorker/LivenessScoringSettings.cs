using System.Text.Json;
using GateController.Vision.Detection;

namespace GateController.FaceWorker;

/// <summary>
/// What <c>gatectl eval --pad</c> sends a <c>face-liveness-scores</c> process as its first line: the verified model
/// files (fetched by gatectl, opened read-only here) and the pixel limit. Then one photo path per line.
/// </summary>
internal sealed record LivenessScoringSettings(
    string Detector,
    string DetectorPath,
    IReadOnlyList<LivenessModelFile> Liveness,
    FaceDetectorOptions Detection,
    long MaximumImagePixels,
    int IntraOpThreads,
    string? NativeLibraryDirectory)
{
    public string ToLine() => JsonSerializer.Serialize(this);

    public static LivenessScoringSettings Parse(string line) =>
        JsonSerializer.Deserialize<LivenessScoringSettings>(line) ?? throw new JsonException("empty settings");
}

/// <summary>A verified liveness model file: its manifest name and where the daemon (or gatectl) fetched it.</summary>
public sealed record LivenessModelFile(string File, string Path);

/// <summary>
/// One photo's answer, one JSON line: the number of faces and the largest face's P(real) (null without a face), or
/// why the photo could not be read. A score, never pixels or a template.
/// </summary>
internal sealed record LivenessScoreLine(int Faces, float? Score, string? Error)
{
    public string ToLine() => JsonSerializer.Serialize(this);

    public static LivenessScoreLine Parse(string line) =>
        JsonSerializer.Deserialize<LivenessScoreLine>(line) ?? throw new JsonException("empty reply");
}
