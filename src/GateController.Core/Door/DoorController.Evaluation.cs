using GateController.Core.Access;

namespace GateController.Core.Door;

/// <summary>Inputs, deadlines and the relay write: the half of <see cref="DoorController"/> that reacts.</summary>
public sealed partial class DoorController
{
    private void OnContact(bool open, bool initial)
    {
        if (_contactOpen == open)
        {
            return;
        }

        _contactOpen = open;
        if (open)
        {
            _openSince = _time.GetTimestamp();
            _openedDuringPulse = _pulseUntil is not null;
            // Opened while the lock was released (a grant, exit, operator, hold, fire) is a passage; otherwise it was forced.
            if (!initial && !UnlockWanted())
            {
                _forcedOpenAlarm = true;
                Publish(AccessMethod.Door, $"{_source}:contact", AccessResult.Alarm, DoorAlarm.ForcedOpen);
            }

            return;
        }

        ClearIf(ref _heldOpenAlarm, DoorAlarm.HeldOpen);
        ClearIf(ref _forcedOpenAlarm, DoorAlarm.ForcedOpen);
        // Opened and closed again during the pulse: the person is through, so re-lock now instead of waiting.
        if (_openedDuringPulse && _pulseUntil is not null)
        {
            _pulseUntil = null;
            Log.RelockedEarly(_logger, Number);
        }

        _openedDuringPulse = false;
    }

    private void OnExit(bool pressed, bool initial)
    {
        if (_exitPressed == pressed)
        {
            return;
        }

        _exitPressed = pressed;
        if (pressed)
        {
            _exitPressedSince = _time.GetTimestamp();
            if (!initial)
            {
                // One pulse per press, never "unlocked while pressed": a stuck button cannot hold the door open.
                if (_options.ExitUnlocks)
                {
                    StartPulse();
                }

                Publish(AccessMethod.Exit, $"{_source}:exit", _options.ExitUnlocks ? AccessResult.Unlocked : AccessResult.Denied, "exit");
            }

            return;
        }

        ClearIf(ref _stuckAlarm, DoorAlarm.StuckInput);
    }

    private void OnTamper(bool active)
    {
        if (_tamper == active)
        {
            return;
        }

        _tamper = active;
        Publish(AccessMethod.Door, $"{_source}:tamper", active ? AccessResult.Alarm : AccessResult.Cleared, DoorAlarm.Tamper);
    }

    private void ClearIf(ref bool alarm, string reason)
    {
        if (alarm)
        {
            alarm = false;
            Publish(AccessMethod.Door, $"{_source}:contact", AccessResult.Cleared, reason);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Apply();
            }
        }
    }

    /// <summary>Ends what is due, raises what is overdue, drives the lock, and arms the timer for the next deadline.</summary>
    private void Apply(bool forceWrite = false)
    {
        if (_disposed)
        {
            return;
        }

        var now = _time.GetTimestamp();
        if (_pulseUntil is { } pulseUntil && now >= pulseUntil)
        {
            _pulseUntil = null;
            _openedDuringPulse = false;
        }

        if (_holdUntil is { } holdUntil && _time.GetUtcNow() >= holdUntil)
        {
            _holdUntil = null;
            Publish(AccessMethod.Manual, $"{_source}:hold", AccessResult.Locked, "holdEnded");
            if (_contactOpen == true)
            {
                _openSince = now;
            }
        }

        var exempt = _fire || _holdUntil is not null;
        if (_contactOpen == true && !exempt && !_heldOpenAlarm && Elapsed(_openSince, now) >= _options.HeldOpenAlarmAfter)
        {
            _heldOpenAlarm = true;
            Publish(AccessMethod.Door, $"{_source}:contact", AccessResult.Alarm, DoorAlarm.HeldOpen);
        }

        if (_exitPressed && !_stuckAlarm && Elapsed(_exitPressedSince, now) >= _options.ExitStuckAfter)
        {
            _stuckAlarm = true;
            Publish(AccessMethod.Door, $"{_source}:exit", AccessResult.Alarm, DoorAlarm.StuckInput);
        }

        var unlock = UnlockWanted();
        // While the relay is failing, only a lock is tried at once; anything else waits for the retry time.
        var write = _relayFault is null
            ? forceWrite || unlock != _relayUnlocked
            : forceWrite || (!unlock && _relayUnlocked) || (_retryAt is { } retryAt && now >= retryAt);
        if (write)
        {
            Drive(unlock);
        }

        ArmTimer(now);
    }

    private void Drive(bool unlock)
    {
        if (TryDrive(unlock))
        {
            _retryAt = null;
            if (_relayFault is not null)
            {
                _relayFault = null;
                Publish(AccessMethod.Door, $"{_source}:relay", AccessResult.Cleared, DoorAlarm.RelayFault);
            }

            return;
        }

        // An unlock that failed leaves the line in doubt: drive it locked, and try the wanted state again later.
        if (unlock)
        {
            TryDrive(false);
        }

        _retryAt = _time.GetTimestamp() + (long)(DoorOptions.RelayRetryInterval.TotalSeconds * _time.TimestampFrequency);
    }

    private bool TryDrive(bool unlock)
    {
        try
        {
            _relay.Drive(unlock);
            _relayUnlocked = unlock;
            return true;
        }
#pragma warning disable CA1031 // Whatever the driver throws (IOException, a gone chip, a bug), the door must end up locked and the daemon keep running.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (_relayFault is null)
            {
                _relayFault = $"{exception.GetType().Name}: {exception.Message}";
                Log.RelayFailed(_logger, Number, unlock, exception);
                if (!_disposed)
                {
                    Publish(AccessMethod.Door, $"{_source}:relay", AccessResult.Alarm, DoorAlarm.RelayFault);
                }
            }

            return false;
        }
    }

    private void ArmTimer(long now)
    {
        long? next = null;
        void Consider(long? at)
        {
            if (at is { } value && (next is null || value < next))
            {
                next = value;
            }
        }

        Consider(_pulseUntil);
        Consider(_retryAt);
        if (_contactOpen == true && !_heldOpenAlarm && !_fire && _holdUntil is null)
        {
            Consider(_openSince + Ticks(_options.HeldOpenAlarmAfter));
        }

        if (_exitPressed && !_stuckAlarm)
        {
            Consider(_exitPressedSince + Ticks(_options.ExitStuckAfter));
        }

        var due = next is { } at ? Elapsed(now, at) : Timeout.InfiniteTimeSpan;
        if (_holdUntil is { } holdUntil)
        {
            var holdDue = holdUntil - _time.GetUtcNow();
            due = due == Timeout.InfiniteTimeSpan || holdDue < due ? holdDue : due;
        }

        _timer.Change(due == Timeout.InfiniteTimeSpan ? due : due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private TimeSpan Elapsed(long from, long to) => _time.GetElapsedTime(from, to);
}
