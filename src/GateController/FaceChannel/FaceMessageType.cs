namespace GateController.FaceChannel;

/// <summary>The kinds of frame on the private channel between the daemon and a face process.</summary>
public enum FaceMessageType : byte
{
    /// <summary>Daemon → process: the JSON settings, always the first frame.</summary>
    Settings = 1,

    /// <summary>Process → daemon: models open, ready; names the models and what the sandbox enforces.</summary>
    Hello = 2,

    /// <summary>Process → daemon: alive and making progress, with the camera's counters.</summary>
    Heartbeat = 3,

    /// <summary>Process → daemon: the deciding face of one camera frame, with its embedding.</summary>
    FaceObservation = 4,

    /// <summary>Process → daemon: why the process cannot do its work (it exits next).</summary>
    Failure = 5,

    /// <summary>Daemon → analysis process: one uploaded image to analyse.</summary>
    AnalysisRequest = 16,

    /// <summary>Analysis process → daemon: the faces of that image.</summary>
    AnalysisReply = 17,

    /// <summary>Daemon → analysis process: one uploaded image to draw the detector's faces on.</summary>
    OverlayRequest = 18,

    /// <summary>
    /// Analysis process → daemon: that image as a PNG with the faces drawn on (its own size cap). Also the camera
    /// worker's answer to a <see cref="SnapshotRequest"/>.
    /// </summary>
    OverlayReply = 19,

    /// <summary>Daemon → camera worker: draw the faces on the next camera frame and send it back as an <see cref="OverlayReply"/>.</summary>
    SnapshotRequest = 20,
}
