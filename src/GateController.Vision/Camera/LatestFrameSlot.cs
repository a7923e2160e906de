namespace GateController.Vision.Camera;

/// <summary>
/// Hands frames from the capture thread to one consumer, newest only: a frame that is still waiting when
/// the next arrives is disposed and counted as dropped. Nothing is ever queued.
/// </summary>
internal sealed class LatestFrameSlot
{
    private readonly Lock _gate = new();
    private CameraFrame? _latest;
    private TaskCompletionSource _arrived = NewSignal();
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
        TaskCompletionSource signal;
        lock (_gate)
        {
            stale = _latest;
            _latest = frame;
            _dropped += stale is null ? 0 : 1;
            signal = _arrived;
            _arrived = NewSignal();
        }

        stale?.Dispose();
        signal.TrySetResult();
    }

    /// <summary>The newest frame not yet taken, waiting for one if needed.</summary>
    public async ValueTask<CameraFrame> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
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

                arrived = _arrived.Task;
            }

            await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the hand-off: waiting and later consumers get <paramref name="reason"/>; a pending frame is disposed.</summary>
    public void Close(Exception reason)
    {
        CameraFrame? pending;
        TaskCompletionSource signal;
        lock (_gate)
        {
            _fault ??= reason;
            pending = _latest;
            _latest = null;
            signal = _arrived;
        }

        pending?.Dispose();
        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
