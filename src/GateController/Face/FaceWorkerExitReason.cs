namespace GateController.Face;

/// <summary>Why a face process ended, as <c>status</c> (<c>faceWorker.lastExit</c>) and the journal name it.</summary>
public enum FaceWorkerExitReason
{
    /// <summary>It exited by itself with a status code.</summary>
    Exited,

    /// <summary>A signal killed it (SIGSEGV, SIGABRT, SIGKILL from outside, ...).</summary>
    Crashed,

    /// <summary>No heartbeat within the timeout (a hang or a stopped process); the daemon killed it.</summary>
    Hung,

    /// <summary>Its resident memory went over the cap; the daemon killed it.</summary>
    MemoryCapExceeded,

    /// <summary>It sent a malformed, oversized or out-of-order frame, another version or a wrong embedding; the daemon killed it.</summary>
    ProtocolViolation,

    /// <summary>It said a native library would not load.</summary>
    NativeLibraryMissing,

    /// <summary>It said the models would not open, or it was given unusable settings.</summary>
    ModelsUnavailable,

    /// <summary>It said its camera capture failed.</summary>
    CameraFailed,

    /// <summary>No hello within the start timeout; the daemon killed it.</summary>
    StartTimeout,

    /// <summary>The program could not be started at all.</summary>
    LaunchFailed,
}
