namespace GateController.Vision.Camera;

/// <summary>
/// The camera's frames, reused: in steady state one is being filled, one waits in the slot and one is being
/// analysed, so after start-up capture allocates no frame, image or Mat wrapper (managed objects that would
/// eventually trigger a GC on the niced capture thread). A consumer that keeps more frames makes the pool grow.
/// </summary>
internal sealed class FramePool : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Stack<CameraFrame> _free = new();
    private bool _closed;

    /// <summary>A free frame, or a new one when all are out.</summary>
    public CameraFrame Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_free.TryPop(out var frame))
            {
                return frame;
            }
        }

        return new CameraFrame(this);
    }

    /// <summary>Takes a frame back (also one rented but never filled); after <see cref="Dispose"/> it is freed instead.</summary>
    public void Return(CameraFrame frame)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _free.Push(frame);
                return;
            }
        }

        frame.Release();
    }

    /// <summary>Frees the free frames; frames still out are freed when they come back.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var frame in _free)
            {
                frame.Release();
            }

            _free.Clear();
        }
    }
}
