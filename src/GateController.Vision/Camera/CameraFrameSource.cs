using GateController.Vision.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Vision.Camera;

/// <summary>
/// Reads a camera (or a recording) on a dedicated thread and keeps only the newest frame: a frame the
/// consumer has not taken when the next one arrives is dropped and counted, never queued. When the source
/// fails to open or stops delivering, it is reopened with exponential backoff.
/// </summary>
public sealed class CameraFrameSource : IDisposable
{
    private readonly CameraOptions _options;
    private readonly ImageSizeLimit _limit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Thread? _thread;
    private readonly LatestFrameSlot _slot = new();
    private readonly FramePool _pool = new();

    // Pacing a recording waits on one reused timer and event: Task.Delay would allocate a timer and a task per frame.
    // The event is never disposed: a timer callback may still set it after Dispose, and it holds no OS handle
    // unless its WaitHandle is read.
    private readonly ManualResetEventSlim _paced = new(false);
    private readonly ITimer _pacer;
    private CameraState _state = CameraState.Starting;
    private string? _lastError;
    private readonly string _displaySource;
    private DateTimeOffset? _lastFrameAt;
    private long _sequence;
    private long _reconnects;
    private long _refused;
    private long _captureAllocatedBytes;

    /// <param name="limit">Frames declaring more pixels are refused before any memory is taken for them.</param>
    public CameraFrameSource(CameraOptions options, ImageSizeLimit limit, TimeProvider timeProvider, ILogger<CameraFrameSource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Source);
        if (options.MaxBackoff < options.InitialBackoff)
        {
            throw new ArgumentException($"Camera MaxBackoff ({options.MaxBackoff}) must be at least InitialBackoff ({options.InitialBackoff}).", nameof(options));
        }

        _options = options;
        _displaySource = CameraUrlCredentials.Redact(options.Source);
        _limit = limit;
        _time = timeProvider;
        _logger = logger ?? NullLogger<CameraFrameSource>.Instance;
        _pacer = timeProvider.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), _paced, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Managed bytes the capture thread had allocated when it last published a frame; tests check that it stops
    /// growing once the pool is warm (the capture thread is niced, and a GC it triggers stops every thread).
    /// </summary>
    internal long CaptureThreadAllocatedBytes => Interlocked.Read(ref _captureAllocatedBytes);

    public CameraHealth Health
    {
        get
        {
            lock (_gate)
            {
                return new CameraHealth(_state, _displaySource, _lastError, _lastFrameAt, _sequence, _slot.Dropped, _reconnects, Interlocked.Read(ref _refused));
            }
        }
    }

    /// <summary>Starts the capture thread (once).</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (_thread is not null)
            {
                return;
            }

            _thread = new Thread(RunCapture) { IsBackground = true, Name = "camera capture" };
            _thread.Start();
        }
    }

    /// <summary>The newest frame not yet taken, waiting for one if needed. The caller disposes it.</summary>
    /// <exception cref="InvalidOperationException">The capture thread failed unexpectedly.</exception>
    public ValueTask<CameraFrame> NextFrameAsync(CancellationToken cancellationToken) => _slot.TakeAsync(cancellationToken);

    /// <summary>
    /// As <see cref="NextFrameAsync"/>, blocking the calling thread; allocates nothing, for a consumer on its own
    /// thread (the face loop). The caller disposes the frame, which returns it to the pool.
    /// </summary>
    /// <exception cref="InvalidOperationException">The capture thread failed unexpectedly.</exception>
    public CameraFrame NextFrame(CancellationToken cancellationToken) => _slot.Take(cancellationToken);

    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            thread = _thread;
        }

        thread?.Join();
        lock (_gate)
        {
            _state = CameraState.Stopped;
        }

        _slot.Close(new ObjectDisposedException(nameof(CameraFrameSource)));
        _pool.Dispose();
        _pacer.Dispose();
        Log.Stopped(_logger, _displaySource, _sequence, _slot.Dropped);
        _stopping.Dispose();
    }

    /// <summary>
    /// An unexpected exception must not kill the process from a background thread: it is kept, logged and
    /// handed to the consumer, whose service then fails (and the daemon exits non-zero for systemd).
    /// </summary>
    private void RunCapture()
    {
        try
        {
            CaptureLoop();
        }
        catch (Exception exception)
        {
            Log.CaptureFailed(_logger, _displaySource, exception.GetType().Name, CameraUrlCredentials.Redact(exception.Message), exception.StackTrace);
            lock (_gate)
            {
                _state = CameraState.Stopped;
                _lastError = CameraUrlCredentials.Redact(exception.Message);
            }

            _slot.Close(exception);
        }
    }

    private void CaptureLoop()
    {
        var token = _stopping.Token;
        var backoff = _options.InitialBackoff;
        while (!token.IsCancellationRequested)
        {
            var source = CameraSource.Parse(_options.Source);
            var (framesRead, unredactedFailure) = ReadUntilFailure(source, token);
            var failure = CameraUrlCredentials.Redact(unredactedFailure);
            if (token.IsCancellationRequested)
            {
                return;
            }

            if (framesRead > 0)
            {
                backoff = _options.InitialBackoff;
            }

            // A recording that played and ended is rewound, not a failure of the camera.
            var rewound = framesRead > 0 && source.Kind is CameraSourceKind.VideoFile or CameraSourceKind.ImageFolder;
            lock (_gate)
            {
                _reconnects++;
                _lastError = failure;
                if (!rewound)
                {
                    _state = CameraState.Reconnecting;
                }
            }

            if (rewound)
            {
                // Played to its end: start it again at once, paced by the frame interval like any other frame.
                Log.Rewinding(_logger, source.Describe());
                continue;
            }

            Log.Reconnecting(_logger, source.Describe(), failure, backoff);
            Wait(backoff, token);
            backoff = ReconnectBackoff.Next(backoff, _options.MaxBackoff);
        }
    }

    /// <summary>Opens the source and publishes frames until it fails or ends; returns how many it read and why it stopped.</summary>
    private (long FramesRead, string Failure) ReadUntilFailure(CameraSource source, CancellationToken token)
    {
        long framesRead = 0;
        try
        {
            using var reader = source.Open(_limit, Skipped, token);
            using var interrupt = token.Register(static r => ((IFrameReader)r!).Interrupt(), reader);
            var interval = TimeSpan.FromSeconds(1 / _options.FrameRateLimit);
            while (!token.IsCancellationRequested)
            {
                var started = _time.GetTimestamp();
                var frame = _pool.Rent();
                bool read;
                try
                {
                    read = reader.TryRead(frame.Buffer);
                }
                catch
                {
                    _pool.Return(frame);
                    throw;
                }

                if (!read)
                {
                    _pool.Return(frame);
                    return (framesRead, reader.StopReason ?? (reader.IsRecorded ? "end of recording" : "the source delivered no frame"));
                }

                if (framesRead++ == 0)
                {
                    MarkConnected(source);
                }

                Publish(frame);
                Interlocked.Exchange(ref _captureAllocatedBytes, GC.GetAllocatedBytesForCurrentThread());
                if (reader.IsRecorded)
                {
                    Wait(interval - _time.GetElapsedTime(started), token);
                }
            }

            return (framesRead, "stopped");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ImageDecodeException)
        {
            return (framesRead, exception.Message);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping while the source was being opened (ffprobe killed).
            return (framesRead, "stopped");
        }
    }

    private void Skipped(ImageDecodeException refusal)
    {
        Interlocked.Increment(ref _refused);
        Log.SkippedFrame(_logger, refusal.Message);
    }

    private void MarkConnected(CameraSource source)
    {
        lock (_gate)
        {
            var wasConnected = _state == CameraState.Connected;
            _state = CameraState.Connected;
            _lastError = null;
            if (!wasConnected)
            {
                Log.Connected(_logger, source.Describe());
            }
        }
    }

    private void Publish(CameraFrame frame)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            frame.Stamp(++_sequence, now);
            _lastFrameAt = now;
        }

        _slot.Publish(frame);
    }

    private void Wait(TimeSpan delay, CancellationToken token)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            _paced.Reset();
            _pacer.Change(delay, Timeout.InfiniteTimeSpan);
            _paced.Wait(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping: the capture loop checks the token next.
        }
    }
}
