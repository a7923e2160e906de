using GateController.Core.Access;

namespace GateController.Core.Door;

/// <summary>
/// The configured doors (a pedestrian gate and, optionally, a vehicle barrier), the reader-to-door map,
/// and the site-wide fire alarm: any door's fire input unlocks every door until every fire input is off.
/// </summary>
public sealed class DoorSet : IDoorOpener, IDisposable
{
    private readonly SortedDictionary<int, DoorController> _doors;
    private readonly Dictionary<string, int> _readerDoors;
    private readonly HashSet<int> _fireSources = [];
    private readonly Lock _fireGate = new();

    /// <param name="readerDoors">Reader, keypad or camera id → door; readers not listed are on door 1.</param>
    public DoorSet(IEnumerable<DoorController> doors, IReadOnlyDictionary<string, int> readerDoors)
    {
        ArgumentNullException.ThrowIfNull(doors);
        ArgumentNullException.ThrowIfNull(readerDoors);
        _doors = new SortedDictionary<int, DoorController>(doors.ToDictionary(d => d.Number));
        _readerDoors = new Dictionary<string, int>(readerDoors, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<DoorController> Doors => _doors.Values;

    public bool TryGet(int door, out DoorController controller) => _doors.TryGetValue(door, out controller!);

    public AccessAttempt AssignDoor(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return _readerDoors.TryGetValue(attempt.ReaderId, out var door) && door != attempt.Door ? attempt with { Door = door } : attempt;
    }

    public DoorOpenOutcome Open(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (!_doors.TryGetValue(attempt.Door, out var door))
        {
            return DoorOpenOutcome.NoSuchDoor;
        }

        return door.Grant(attempt.ReaderId) ? DoorOpenOutcome.Opened : DoorOpenOutcome.RelayFailed;
    }

    /// <summary>An input line of <paramref name="door"/> failed or recovered; the fire input's fault is its own door's alarm.</summary>
    public void OnInputFault(int door, DoorInput input, bool faulted) => _doors[door].OnInputFault(input, faulted);

    /// <summary>Routes a debounced input of door <paramref name="door"/>; fire goes to every door.</summary>
    public void OnInput(int door, DoorInput input, bool active, bool initial = false)
    {
        if (input != DoorInput.Fire)
        {
            _doors[door].OnInput(input, active, initial);
            return;
        }

        bool fire;
        lock (_fireGate)
        {
            if (active)
            {
                _fireSources.Add(door);
            }
            else
            {
                _fireSources.Remove(door);
            }

            fire = _fireSources.Count > 0;
            foreach (var controller in _doors.Values)
            {
                controller.SetFire(fire);
            }
        }
    }

    public void Dispose()
    {
        foreach (var door in _doors.Values)
        {
            door.Dispose();
        }
    }
}
