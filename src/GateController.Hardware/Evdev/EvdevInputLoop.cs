using GateController.Core.Access;
using GateController.Core.Health;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Evdev;

/// <summary>
/// The I/O half shared by <see cref="EvdevCardReader"/> and <see cref="EvdevKeypad"/>: opens the node,
/// grabs it, reads records on a dedicated thread and hands each mapped character on; when the device
/// vanishes (read error, end of file) it reopens with doubling backoff and reports itself degraded.
/// </summary>
/// <remarks>
/// Blocking reads on a thread of our own, not the thread pool: a wedge reader's keys must never queue
/// behind face work, and a blocked read costs nothing. Cancelling disposes the stream; the kernel
/// completes the pending read at the next event or unplug, and the thread is a background one.
/// (A FIFO standing in for the device blocks in open until a writer comes; tests open the writer first.)
/// </remarks>
internal sealed class EvdevInputLoop(EvdevDeviceOptions options, string kind, Action<char> onCharacter, TimeProvider time, ILogger logger)
{
    // 64 records a read: a wedge reader types a whole card (press, release, sync per key) in one or two reads.
    private const int RecordsPerRead = 64;

    private readonly Lock _statusGate = new();
    private readonly Action<Exception> _onSubmitFailed = exception => Log.SubmitFailed(logger, kind, options.Id, exception);
    private HealthState _state = HealthState.Degraded;
    private string _detail = "not opened yet";
    private long _reconnects;

    public SubsystemStatus GetStatus(params (string Key, object Value)[] facts)
    {
        lock (_statusGate)
        {
            return SubsystemStatus.Of($"{kind}:{options.Id}", _state, _detail, [("path", options.DevicePath), ("reconnects", _reconnects), .. facts]);
        }
    }

    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Fires the attempt at the engine; a failing engine is logged and never stops the loop.</summary>
    public void Submit(Func<AccessAttempt, Task> submit, AccessAttempt attempt) => AttemptSubmission.Submit(submit, attempt, _onSubmitFailed);

    private void Run(CancellationToken stoppingToken)
    {
        Thread.CurrentThread.Name = $"evdev {options.Id}";
        var delay = options.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var reason = ReadUntilGone(ref delay, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            SetStatus(HealthState.Degraded, reason);
            Interlocked.Increment(ref _reconnects);
            try
            {
                Task.Delay(delay, time, stoppingToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaximumReconnectDelay.Ticks));
        }
    }

    /// <returns>Why the device went away.</returns>
    private string ReadUntilGone(ref TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            // bufferSize 0: every Read is one read(2) of whole records, as evdev requires.
            using var stream = new FileStream(options.DevicePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            var grabbed = false;
            if (options.Grab)
            {
                var errno = EvdevGrab.TryGrab(stream.SafeFileHandle);
                if (EvdevGrab.IsNotAnInputDevice(errno))
                {
                    Log.NotGrabbable(logger, kind, options.Id, options.DevicePath, errno);
                }
                else if (errno != 0)
                {
                    Log.GrabFailed(logger, kind, options.Id, options.DevicePath, errno, delay);
                    return $"grab failed, errno {errno}";
                }
                else
                {
                    grabbed = true;
                }
            }

            Log.Opened(logger, kind, options.Id, options.DevicePath, grabbed);
            SetStatus(HealthState.Healthy, grabbed ? "open, grabbed" : "open, not grabbed");
            delay = options.ReconnectDelay;
            using var cancellation = stoppingToken.Register(static s => ((Stream)s!).Dispose(), stream);
            Pump(stream);
            Log.Unavailable(logger, kind, options.Id, options.DevicePath, "end of file", delay);
            return "end of file";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            if (!stoppingToken.IsCancellationRequested)
            {
                Log.Unavailable(logger, kind, options.Id, options.DevicePath, exception.Message, delay);
            }

            return exception.Message;
        }
    }

    private void Pump(Stream stream)
    {
        var parser = new InputEventParser(options.EventLayout);
        var map = new KeyCodeMap();
        var buffer = new byte[parser.RecordSize * RecordsPerRead];
        var events = new List<KeyEvent>(RecordsPerRead);
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            events.Clear();
            parser.Parse(buffer.AsSpan(0, read), events);
            foreach (var keyEvent in events)
            {
                if (map.TryMap(keyEvent, out var character))
                {
                    onCharacter(character);
                }
            }
        }
    }

    private void SetStatus(HealthState state, string detail)
    {
        lock (_statusGate)
        {
            _state = state;
            _detail = detail;
        }
    }
}
