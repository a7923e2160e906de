namespace GateController.Vision.Models;

/// <summary>What every manifest entry has: its role, file name, size, checksum, commit-pinned URL and licence.</summary>
public abstract record PinnedFileEntry : IPinnedFile
{
    /// <summary>For models: detector, embedder, liveness or detector-alternative; for media: e.g. sample-video.</summary>
    public required string Role { get; init; }

    public required string File { get; init; }

    public required long Bytes { get; init; }

    public required string Sha256 { get; init; }

    public required Uri Url { get; init; }

    public required string Licence { get; init; }
}
