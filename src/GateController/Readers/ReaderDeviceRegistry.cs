using GateController.Core.Health;

namespace GateController.Readers;

/// <summary>
/// The evdev, NFC and matrix devices the daemon started (or failed to start), each with its own status,
/// so that <see cref="ReaderHost"/> can show every reader and keypad under one <c>readers</c> section.
/// </summary>
internal sealed class ReaderDeviceRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _devices = [];

    public void Started(string id, string kind, ISubsystemStatusSource device) => Add(new Entry(id, kind, device.GetStatus));

    /// <summary>A device that could not start (or is not simulated); the others carry on.</summary>
    public void NotStarted(string id, string kind, HealthState state, string detail)
    {
        var status = SubsystemStatus.Of($"{kind}:{id}", state, detail);
        Add(new Entry(id, kind, () => status));
    }

    /// <summary>A started device whose loop has died: its last word replaces its live status.</summary>
    public void Replace(string id, string kind, HealthState state, string detail)
    {
        var status = SubsystemStatus.Of($"{kind}:{id}", state, detail);
        lock (_gate)
        {
            _devices.RemoveAll(d => d.Id == id);
            _devices.Add(new Entry(id, kind, () => status));
        }
    }

    public IReadOnlyList<(string Id, string Kind, SubsystemStatus Status)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _devices.Select(d => (d.Id, d.Kind, d.Status()))];
        }
    }

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            _devices.Add(entry);
        }
    }

    private sealed record Entry(string Id, string Kind, Func<SubsystemStatus> Status);
}
