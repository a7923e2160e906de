using GateController.Core.Credentials;
using GateController.Core.Health;
using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// The <c>readers</c> status section: every reader and keypad keyed by id, the Wiegand entries first, each
/// with its kind, state and counters, and for a keypad whether it is locked out. The section is degraded
/// while some but not all of them run, and failed when none does.
/// </summary>
internal static class ReadersStatus
{
    public static SubsystemStatus Compose(
        IEnumerable<ConfiguredReader> wiegandEntries,
        WiegandListeners listeners,
        ReaderDeviceRegistry devices,
        KeypadLockout lockout)
    {
        var facts = new Dictionary<string, object>(StringComparer.Ordinal);
        var (running, failed) = listeners.Describe(
            wiegandEntries,
            (entry, listener, failure) => facts[entry.Wiegand.Id] = Describe(entry, listener, failure, lockout));

        foreach (var (id, kind, status) in devices.Snapshot())
        {
            facts[id] = Describe(id, kind, status, lockout);
            running += status.State is HealthState.Healthy or HealthState.Degraded ? 1 : 0;
            failed += status.State == HealthState.Failed ? 1 : 0;
        }

        var state = failed == 0 ? HealthState.Healthy : running > 0 ? HealthState.Degraded : HealthState.Failed;
        var detail = facts.Count == 0 ? "no readers or keypads configured" : $"{running} listening, {failed} failed";
        return new SubsystemStatus("readers", facts.Count == 0 ? HealthState.Disabled : state, detail, facts);
    }

    /// <summary>A device's own status: its state and detail, its facts, and for a keypad its lockout.</summary>
    private static Dictionary<string, object> Describe(string id, string kind, SubsystemStatus status, KeypadLockout lockout)
    {
        var facts = new Dictionary<string, object>(status.Facts, StringComparer.Ordinal)
        {
            ["kind"] = kind,
            ["state"] = status.State switch
            {
                HealthState.Healthy => "running",
                HealthState.Degraded => "degraded",
                HealthState.Failed => "failed",
                _ => "disabled",
            },
            ["detail"] = status.Detail,
        };
        if (lockout.IsLockedOut(id, out var remaining))
        {
            facts["lockedOut"] = true;
            facts["lockedOutSeconds"] = Math.Ceiling(remaining.TotalSeconds);
        }

        return facts;
    }

    private static Dictionary<string, object> Describe(ConfiguredReader entry, WiegandGpioListener? listener, string? failure, KeypadLockout lockout)
    {
        var wiegand = entry.Wiegand;
        var facts = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["kind"] = entry.Kind,
            ["data0Pin"] = wiegand.Data0Pin,
            ["data1Pin"] = wiegand.Data1Pin,
        };
        if (listener is not null)
        {
            facts["state"] = "listening";
            if (entry.ReadsCards)
            {
                facts["formats"] = string.Join(',', wiegand.Formats);
                facts["frameGapMs"] = wiegand.FrameGap.TotalMilliseconds;
                facts["cardsRead"] = listener.CardsRead;
            }

            facts["framesRejected"] = listener.FramesRejected;
        }
        else
        {
            facts["state"] = "failed";
            facts["error"] = failure ?? "not started";
        }

        if (entry.HasKeys)
        {
            facts["keypad"] = entry.KeypadId;
            var locked = lockout.IsLockedOut(entry.KeypadId, out var remaining);
            facts["lockedOut"] = locked;
            if (locked)
            {
                facts["lockedOutSeconds"] = Math.Ceiling(remaining.TotalSeconds);
            }
        }

        return facts;
    }
}
