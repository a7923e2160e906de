namespace GateController.Vision.Models;

/// <summary>A file the project does not commit but fetches by a commit-pinned URL and checks by sha256.</summary>
public interface IPinnedFile
{
    string File { get; }

    long Bytes { get; }

    string Sha256 { get; }

    Uri Url { get; }
}
