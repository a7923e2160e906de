namespace GateController.FaceWorker;

/// <summary>How a face process ends, for the supervisor (a crash shows as 128 + the signal instead).</summary>
internal static class FaceProcessExitCodes
{
    public const int Stopped = 0;

    /// <summary>It sent a Failure message first, saying why.</summary>
    public const int CannotWork = 3;

    /// <summary>The daemon broke the protocol (or is not the daemon).</summary>
    public const int ProtocolViolation = 4;
}
