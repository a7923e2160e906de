namespace GateController.Vision.Models;

/// <summary>A model or media file could not be found anywhere with the expected size and sha256.</summary>
public sealed class ModelFileException : Exception
{
    public ModelFileException(IPinnedFile file, IReadOnlyList<string> lookedAt, string mirrorVariable = ModelLocations.ModelMirrorVariable)
        : base(Describe(file, lookedAt, mirrorVariable))
    {
        FileName = file.File;
        ExpectedSha256 = file.Sha256;
        ExpectedBytes = file.Bytes;
        LookedAt = lookedAt;
    }

    public string FileName { get; }

    public string ExpectedSha256 { get; }

    public long ExpectedBytes { get; }

    /// <summary>Every place that was tried, each with what was found there.</summary>
    public IReadOnlyList<string> LookedAt { get; }

    private static string Describe(IPinnedFile file, IReadOnlyList<string> lookedAt, string mirrorVariable) =>
        $"{(file is MediaEntry ? "Media" : "Model")} file '{file.File}' is missing or damaged: expected {file.Bytes} bytes with sha256 {file.Sha256}. "
        + $"Looked in: {string.Join("; ", lookedAt)}. "
        + $"Put a good copy in a mirror directory (set {mirrorVariable}) or allow the download of {file.Url}.";
}
