using GateController.FaceChannel;

namespace GateController.Face;

/// <summary>
/// Why camera faces did not count, for <c>status</c>: the worker's quality refusals (its last heartbeat's counts, since
/// that worker started) and the frames this daemon refused as not live. Counts only; never a face.
/// </summary>
internal sealed class FaceRefusals
{
    private readonly Lock _gate = new();
    private QualityRefusals _quality;
    private long _notLive;

    public QualityRefusals Quality
    {
        get
        {
            lock (_gate)
            {
                return _quality;
            }
        }

        set
        {
            lock (_gate)
            {
                _quality = value;
            }
        }
    }

    public long NotLive => Interlocked.Read(ref _notLive);

    public void CountNotLive() => Interlocked.Increment(ref _notLive);

    public (string, object)[] Facts() => [("qualityRefused", Quality.ToFacts()), ("livenessRefused", NotLive)];
}
