namespace GateController.Core.FaceTracking;

/// <summary>
/// No re-trigger: after a grant the same person does not open the door again within the cooldown, nor while the
/// door their grant opened is still open (a resident lingering in the doorway would otherwise keep it open for
/// good). Other persons are not held back: each of them is their own entry.
/// </summary>
/// <param name="doorOpen">Whether the camera's door is unlocked or its contact open now; asked at grants and ticks only.</param>
public sealed class FaceRetriggerGuard(TimeProvider time, TimeSpan cooldown, Func<bool> doorOpen)
{
    /// <summary>Enough for every resident passing within a cooldown; older entries are pruned past it.</summary>
    private const int PruneAbove = 256;

    private readonly Dictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="personId"/> may open the door now; records the grant if so.</summary>
    public bool TryGrant(string personId)
    {
        var now = time.GetTimestamp();
        if (_grants.TryGetValue(personId, out var last))
        {
            if (time.GetElapsedTime(last.At, now) < cooldown)
            {
                return false;
            }

            if (last.HeldWhileDoorOpen && doorOpen())
            {
                return false;
            }
        }

        _grants[personId] = new Grant { At = now, HeldWhileDoorOpen = true };
        if (_grants.Count > PruneAbove)
        {
            Prune(now);
        }

        return true;
    }

    /// <summary>Called periodically: once the door has been seen closed, the grants before it no longer hold anyone back.</summary>
    public void ObserveDoor()
    {
        if (_grants.Count == 0 || doorOpen())
        {
            return;
        }

        foreach (var grant in _grants.Values)
        {
            grant.HeldWhileDoorOpen = false;
        }
    }

    private void Prune(long now)
    {
        foreach (var (person, grant) in _grants.ToArray())
        {
            if (!grant.HeldWhileDoorOpen && time.GetElapsedTime(grant.At, now) >= cooldown)
            {
                _grants.Remove(person);
            }
        }
    }

    private sealed class Grant
    {
        public long At { get; init; }

        public bool HeldWhileDoorOpen { get; set; }
    }
}
