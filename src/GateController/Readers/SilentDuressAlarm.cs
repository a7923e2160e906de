using GateController.Core.Credentials;
using GateController.Core.Health;
using GateController.Core.Pseudonyms;

namespace GateController.Readers;

/// <summary>
/// Where duress alerts go: a critical journal entry (event 4201) for the guard's log shipper, and a
/// count in <c>gatectl status</c>. Nothing at the gate changes: no LED, no beep, the same "granted"
/// event as the everyday PIN (journald also gets a GATE_EVENT=duress entry, pseudonymous), so whoever forces the resident sees nothing unusual.
/// </summary>
internal sealed class SilentDuressAlarm(ILogger<SilentDuressAlarm> logger, Journal.JournalWriter journal, IPersonPseudonyms pseudonyms) : IDuressAlarm, ISubsystemStatusSource
{
    private long _alerts;
    private DuressAlert? _last;

    /// <summary>Runs on the decision thread: logging is buffered by the console provider, so this does not block.</summary>
    public void Raise(DuressAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Interlocked.Increment(ref _alerts);
        Volatile.Write(ref _last, alert);
        Log.DuressAlert(logger, pseudonyms.Of(alert.PersonId), alert.KeypadId, alert.Timestamp);
        journal.Enqueue(Journal.JournalEntry.Duress(alert.PersonId, alert.KeypadId));
    }

    public SubsystemStatus GetStatus()
    {
        var count = Interlocked.Read(ref _alerts);
        if (Volatile.Read(ref _last) is not { } last)
        {
            return SubsystemStatus.Of("duress", HealthState.Healthy, "no duress alerts", ("alerts", count));
        }

        return SubsystemStatus.Of(
            "duress",
            HealthState.Healthy,
            $"{count} duress alert(s) since start",
            ("alerts", count),
            ("lastPerson", last.PersonId),
            ("lastKeypad", last.KeypadId),
            ("lastAt", last.Timestamp));
    }
}
