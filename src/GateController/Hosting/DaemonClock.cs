namespace GateController.Hosting;

/// <summary>When the daemon started, for uptime.</summary>
internal sealed class DaemonClock(TimeProvider time)
{
    public long StartedTimestamp { get; } = time.GetTimestamp();
}
