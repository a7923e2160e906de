namespace GateController.Vision.Models;

/// <summary>One sample clip of <c>models/media.json</c>, used by simulation when no camera is given.</summary>
public sealed record MediaEntry : IPinnedFile
{
    public required string Role { get; init; }

    public required string File { get; init; }

    public required long Bytes { get; init; }

    public required string Sha256 { get; init; }

    public required Uri Url { get; init; }

    public required string Licence { get; init; }

    public string? Description { get; init; }
}
