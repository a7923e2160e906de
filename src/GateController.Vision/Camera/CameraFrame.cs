using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// A captured frame; the consumer owns it and disposes it. A frame from <see cref="CameraFrameSource"/> is
/// pooled: disposing hands its memory back for a later frame, so it must not be used after Dispose.
/// </summary>
public sealed class CameraFrame : IDisposable
{
    private readonly FramePool? _pool;
    private readonly FaceImage? _buffer;
    private FaceImage? _image;
    private int _out;

    public CameraFrame(FaceImage image, long sequence, DateTimeOffset capturedAt)
    {
        _image = image;
        Sequence = sequence;
        CapturedAt = capturedAt;
    }

    internal CameraFrame(FramePool pool)
    {
        _pool = pool;
        _buffer = new FaceImage(1, 1);
    }

    public FaceImage Image => _image ?? throw new InvalidOperationException("The frame has not been captured yet.");

    /// <summary>Increases by one per captured frame, so gaps show dropped frames.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset CapturedAt { get; private set; }

    /// <summary>What the reader fills, reshaping it to the source's size (pooled frames only).</summary>
    internal FaceImage Buffer => _buffer ?? throw new InvalidOperationException("Only a pooled frame has a capture buffer.");

    /// <summary>Marks a filled pooled frame as handed out; its image is the buffer from the first fill on.</summary>
    internal void Stamp(long sequence, DateTimeOffset capturedAt)
    {
        _image ??= Buffer;
        Sequence = sequence;
        CapturedAt = capturedAt;
        Volatile.Write(ref _out, 1);
    }

    /// <summary>A pooled frame goes back to its pool (once, however often it is disposed); any other is disposed.</summary>
    public void Dispose()
    {
        if (_pool is null)
        {
            _image?.Dispose();
        }
        else if (Interlocked.Exchange(ref _out, 0) == 1)
        {
            _pool.Return(this);
        }
    }

    /// <summary>Frees the native memory for good (the pool is closing).</summary>
    internal void Release()
    {
        // A pooled frame's image is its buffer; FaceImage ignores a second Dispose.
        _image?.Dispose();
        _buffer?.Dispose();
    }
}
