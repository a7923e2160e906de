using GateController.Core.Health;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>The camera as the worker's heartbeats describe it (the camera is opened in the worker, never here).</summary>
internal sealed class FaceCameraStatus(FaceWorkerSupervisor supervisor, IOptions<FacePathOptions> options, TimeProvider time) : ISubsystemStatusSource
{
    public SubsystemStatus GetStatus()
    {
        if (!options.Value.Enabled)
        {
            return SubsystemStatus.Of("camera", HealthState.Disabled, "face recognition is switched off");
        }

        if (supervisor.Session is not { } session || session.LastHeartbeat is not { } last)
        {
            return SubsystemStatus.Of("camera", supervisor.State == FaceWorkerState.Failed ? HealthState.Failed : HealthState.Degraded, "no face worker is reporting the camera");
        }

        var beat = last.Beat;
        var facts = new List<(string, object)>
        {
            ("connection", beat.CameraConnected ? "Connected" : "Reconnecting"),
            ("framesCaptured", beat.FramesCaptured),
            ("framesDropped", beat.FramesDropped),
            ("framesAnalysed", beat.FramesAnalysed),
            ("framesWithFace", beat.FramesWithFace),
            // Frames the motion gate kept from the detector (Face:Motion): nothing moved and no keep-alive was due.
            ("framesGated", beat.FramesGated),
            ("framesRefused", beat.FramesRefused),
            ("reconnects", beat.Reconnects),
            ("framesPerSecond", Math.Round(session.FramesPerSecond, 1)),
        };
        if (beat.LastFrameUnixMilliseconds > 0)
        {
            var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(beat.LastFrameUnixMilliseconds);
            facts.Add(("lastFrameAgeSeconds", Math.Round(Math.Max(0, age.TotalSeconds), 2)));
        }

        return SubsystemStatus.Of(
            "camera",
            beat.CameraConnected ? HealthState.Healthy : HealthState.Degraded,
            beat.CameraConnected ? "connected" : beat.CameraProblem,
            [.. facts]);
    }
}
