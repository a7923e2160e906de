using GateController.FaceChannel;
using GateController.Vision.Imaging;
using GateController.Vision.Pipeline;

namespace GateController.FaceWorker;

/// <summary>
/// The daemon's <see cref="FaceMessageType.SnapshotRequest"/>s to the camera worker: the channel thread counts them,
/// the frame loop answers each with the frame it has just analysed, drawn on. The frame goes back as a PNG only.
/// </summary>
internal sealed class LiveSnapshotRequests
{
    private int _waiting;

    public void Request() => Interlocked.Increment(ref _waiting);

    /// <summary>Called by the frame loop after each frame; costs one read when nobody asked.</summary>
    public void ServeIfRequested(FaceAnalyzer analyzer, FaceImage frame, FaceChannelWriter writer)
    {
        if (Volatile.Read(ref _waiting) == 0)
        {
            return;
        }

        // A PNG over the cap still answers, with no image and the reason as its note: the daemon is waiting for it.
        var reply = OverlaySender.TryDraw(analyzer, frame, "the camera frame", out var refusal) ?? new OverlayReply(0, [refusal!], []);
        while (Volatile.Read(ref _waiting) > 0)
        {
            Interlocked.Decrement(ref _waiting);
            reply.Send(writer);
        }
    }
}
