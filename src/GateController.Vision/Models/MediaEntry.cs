namespace GateController.Vision.Models;

/// <summary>One sample clip of <c>models/media.json</c>, used by simulation when no camera is given.</summary>
public sealed record MediaEntry : PinnedFileEntry
{
    public string? Description { get; init; }
}
