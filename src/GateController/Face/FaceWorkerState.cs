namespace GateController.Face;

/// <summary>The camera worker's state as <c>status</c> names it (<c>faceWorker.process</c>).</summary>
public enum FaceWorkerState
{
    Disabled,

    /// <summary>Started, models opening; no result is taken until its hello has been checked.</summary>
    Starting,

    Running,

    /// <summary>It ended; waiting out the backoff before the next start.</summary>
    Restarting,

    /// <summary>It cannot start (a native library or the models); still retried at the backoff's pace.</summary>
    Failed,
}
