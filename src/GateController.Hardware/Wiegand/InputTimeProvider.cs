using System.Diagnostics;

namespace GateController.Hardware.Wiegand;

/// <summary>
/// System time whose timers fire on one dedicated thread, to within about 0.1 ms, for input decoding
/// (the Wiegand frame gap). <see cref="TimeProvider.System"/> timers have millisecond ticks and run their
/// callbacks on the shared thread pool, so a card's frame could end 1-4 ms after its gap, or much later
/// when pool threads are busy (a store write waiting for fsync, start-up work); a card must not wait
/// on either. The thread keeps normal priority (only the face path is niced). It sleeps until about
/// 1.5 ms before the next deadline, then spins the rest, at most once per frame.
/// Callbacks must be quick and must not block: they share the thread.
/// </summary>
public sealed class InputTimeProvider : TimeProvider, IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency * 3 / 2000;

    // A plain monitor, not System.Threading.Lock: the loop waits on it with Monitor.Wait.
    private readonly object _gate = new();
    private readonly List<InputTimer> _armed = [];
    private readonly Thread _thread;
    private bool _disposed;

    public InputTimeProvider()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "input-timers" };
        _thread.Start();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new InputTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes when a timer due now has fired on the input thread: the watchdog's proof that frame gaps and scans still run.</summary>
    public Task ProbeAsync()
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = new InputTimer(this, static state => ((TaskCompletionSource)state!).TrySetResult(), fired);
        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return fired.Task;
    }

    internal void Arm(InputTimer timer, long dueTimestamp, TimeSpan period)
    {
        lock (_gate)
        {
            timer.DueTimestamp = dueTimestamp;
            timer.Period = period;
            if (!_armed.Contains(timer))
            {
                _armed.Add(timer);
            }

            Monitor.PulseAll(_gate);
        }
    }

    internal void Disarm(InputTimer timer)
    {
        lock (_gate)
        {
            _armed.Remove(timer);
        }
    }

    private void Run()
    {
        while (TryTakeDue(out var timer))
        {
            timer.Fire();
        }
    }

    /// <summary>Waits for the earliest armed timer to come due and takes it (re-arming a periodic one); false once disposed.</summary>
    private bool TryTakeDue(out InputTimer due)
    {
        lock (_gate)
        {
            while (!_disposed)
            {
                var next = _armed.Count == 0 ? null : _armed.MinBy(t => t.DueTimestamp);
                if (next is null)
                {
                    Monitor.Wait(_gate);
                    continue;
                }

                var remaining = next.DueTimestamp - GetTimestamp();
                if (remaining > SpinTicks)
                {
                    // Monitor.Wait counts whole milliseconds and may oversleep by one; wake early and spin the rest.
                    Monitor.Wait(_gate, (int)((remaining - SpinTicks) * 1000 / Stopwatch.Frequency) + 1);
                    continue;
                }

                if (remaining > 0)
                {
                    Monitor.Exit(_gate);
                    try
                    {
                        var spinner = default(SpinWait);
                        while (GetTimestamp() < next.DueTimestamp)
                        {
                            spinner.SpinOnce(sleep1Threshold: -1);
                        }
                    }
                    finally
                    {
                        Monitor.Enter(_gate);
                    }

                    continue;
                }

                if (next.Period > TimeSpan.Zero)
                {
                    next.DueTimestamp += (long)(next.Period.TotalSeconds * Stopwatch.Frequency);
                }
                else
                {
                    _armed.Remove(next);
                }

                due = next;
                return true;
            }
        }

        due = null!;
        return false;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _armed.Clear();
            Monitor.PulseAll(_gate);
        }

        _thread.Join(TimeSpan.FromSeconds(1));
    }

    internal sealed class InputTimer(InputTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long DueTimestamp { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner.Disarm(this);
                return true;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            var periodic = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            owner.Arm(this, owner.GetTimestamp() + (long)(dueTime.TotalSeconds * Stopwatch.Frequency), periodic);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Disarm(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
