namespace GateController.Vision.Camera;

/// <summary>
/// Hands frames from the capture thread to one consumer, newest only: a frame that is still waiting when
/// the next arrives is disposed (back to the pool) and counted as dropped. Nothing is ever queued.
/// </summary>
/// <remarks>
/// The blocking <see cref="Take"/> waits on one reused event, so neither side allocates per frame; a
/// completion source is made only while an async <see cref="TakeAsync"/> waits.
/// </remarks>
internal sealed class LatestFrameSlot
{
    private readonly Lock _gate = new();

    // Never disposed: a consumer may still be leaving Wait when the source closes, and a ManualResetEventSlim
    // holds no OS handle unless its WaitHandle is read (it is not), so there is nothing to release.
    private readonly ManualResetEventSlim _arrivedEvent = new(false);
    private CameraFrame? _latest;
    private TaskCompletionSource? _arrived;
    private Exception? _fault;
    private long _dropped;

    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    public void Publish(CameraFrame frame)
    {
        CameraFrame? stale;
        TaskCompletionSource? signal;
        lock (_gate)
        {
            stale = _latest;
            _latest = frame;
            _dropped += stale is null ? 0 : 1;
            signal = _arrived;
            _arrived = null;
            _arrivedEvent.Set();
        }

        stale?.Dispose();
        signal?.TrySetResult();
    }

    /// <summary>The newest frame not yet taken, blocking until one arrives.</summary>
    public CameraFrame Take(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (TryTakeLocked() is { } frame)
                {
                    return frame;
                }

                _arrivedEvent.Reset();
            }

            _arrivedEvent.Wait(cancellationToken);
        }
    }

    /// <summary>The newest frame not yet taken, waiting for one if needed.</summary>
    public async ValueTask<CameraFrame> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (TryTakeLocked() is { } frame)
                {
                    return frame;
                }

                _arrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrived = _arrived.Task;
            }

            await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the hand-off: waiting and later consumers get <paramref name="reason"/>; a pending frame is disposed.</summary>
    public void Close(Exception reason)
    {
        CameraFrame? pending;
        TaskCompletionSource? signal;
        lock (_gate)
        {
            _fault ??= reason;
            pending = _latest;
            _latest = null;
            signal = _arrived;
            _arrived = null;
            _arrivedEvent.Set();
        }

        pending?.Dispose();
        signal?.TrySetResult();
    }

    private CameraFrame? TryTakeLocked()
    {
        if (_latest is { } frame)
        {
            _latest = null;
            return frame;
        }

        if (_fault is not null)
        {
            throw _fault is ObjectDisposedException
                ? new ObjectDisposedException(nameof(CameraFrameSource))
                : new InvalidOperationException($"The camera capture thread failed: {_fault.Message}", _fault);
        }

        return null;
    }
}
