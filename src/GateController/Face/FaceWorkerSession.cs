using System.Diagnostics;
using GateController.FaceChannel;

namespace GateController.Face;

/// <summary>
/// One run of the camera worker, from start to exit: it sends the settings, checks the hello, hands every
/// well-formed observation to the handler, and kills the process on a protocol violation, a missed heartbeat,
/// the memory cap or a start that takes too long. Nothing from the process reaches the handler before its hello
/// was accepted or after the session decided to kill it.
/// </summary>
internal sealed class FaceWorkerSession(
    Process process,
    FaceObservationHandler handler,
    int embeddingDimension,
    string embedderModelId,
    FaceWorkerOptions options,
    TimeProvider time) : IDisposable
{
    private static readonly TimeSpan MonitorInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    private readonly FaceObservation _observation = new(embeddingDimension);
    private readonly long _startedAt = time.GetTimestamp();
    private volatile bool _accepting = true;
    private volatile WorkerHello? _hello;
    private readonly TaskCompletionSource _helloAccepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _violation;
    private volatile WorkerFailure? _failure;
    private long _lastBeatAt;
    private double _framesPerSecond;
    private WorkerHeartbeat _lastHeartbeat;
    private readonly Lock _heartbeatGate = new();
    private FaceWorkerExit? _killedFor;
    private FaceChannelWriter? _toWorker;
    private TaskCompletionSource<OverlayReply>? _snapshot;
    private int _snapshotsOwed;
    private readonly Lock _snapshotGate = new();

    public int ProcessId { get; } = process.Id;

    public WorkerHello? Hello => _hello;

    /// <summary>Completes when the process's hello has been checked and accepted.</summary>
    public Task HelloAccepted => _helloAccepted.Task;

    public long? ResidentBytes { get; private set; }

    /// <summary>Frames captured per second between the last two heartbeats.</summary>
    public double FramesPerSecond
    {
        get
        {
            lock (_heartbeatGate)
            {
                return _framesPerSecond;
            }
        }
    }

    public (WorkerHeartbeat Beat, TimeSpan Age)? LastHeartbeat
    {
        get
        {
            lock (_heartbeatGate)
            {
                var at = _lastBeatAt;
                return at == 0 ? null : (_lastHeartbeat, time.GetElapsedTime(at));
            }
        }
    }

    /// <returns>How the process ended; null when the daemon is stopping and asked it to.</returns>
    public async Task<FaceWorkerExit?> RunAsync(FaceProcessSettings settings, CancellationToken stopping)
    {
        var reader = new Thread(ReadChannel) { IsBackground = true, Name = "face-worker-channel" };
        try
        {
            _toWorker = new FaceChannelWriter(process.StandardInput.BaseStream);
            settings.Send(_toWorker);
        }
        catch (IOException)
        {
            // It died before reading its settings; its exit status says why.
        }

        reader.Start();
        var nextMemoryCheck = 0L;
        while (!process.HasExited && _killedFor is null)
        {
            try
            {
                await Task.Delay(MonitorInterval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                await StopAsync().ConfigureAwait(false);
                return null;
            }

            if (time.GetTimestamp() >= nextMemoryCheck)
            {
                ResidentBytes = ProcessMemory.ResidentBytes(ProcessId) ?? ResidentBytes;
                nextMemoryCheck = time.GetTimestamp() + (time.TimestampFrequency / 2);
            }

            // Faces that left are decided (a stranger's unknown) even when no further frame comes.
            handler.Tick();
            if (Overdue() is { } reason)
            {
                Kill(reason);
            }
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        reader.Join(StopGrace);
        var exit = _killedFor ?? Classify();
        EndSnapshot(new FaceWorkerUnavailableException($"the camera worker ended before it sent the frame: {exit.Reason}: {exit.Detail}"));
        return exit;
    }

    private FaceWorkerExit? Overdue()
    {
        if (_violation is { } violation)
        {
            return Exit(FaceWorkerExitReason.ProtocolViolation, violation);
        }

        if (ResidentBytes is { } resident && resident > options.MemoryLimitMegabytes * 1024L * 1024L)
        {
            return Exit(FaceWorkerExitReason.MemoryCapExceeded, $"resident memory {resident / (1024 * 1024)} MB is over the cap of {options.MemoryLimitMegabytes} MB (Face:Worker:MemoryLimitMegabytes)");
        }

        if (_hello is null)
        {
            return _failure is null && time.GetElapsedTime(_startedAt) > options.StartTimeout
                ? Exit(FaceWorkerExitReason.StartTimeout, $"no hello within {options.StartTimeout.TotalSeconds:0} s (Face:Worker:StartTimeout)")
                : null;
        }

        var silentFor = time.GetElapsedTime(Interlocked.Read(ref _lastBeatAt));
        return silentFor > options.HeartbeatTimeout
            ? Exit(FaceWorkerExitReason.Hung, $"no heartbeat for {silentFor.TotalSeconds:0.0} s (Face:Worker:HeartbeatTimeout {options.HeartbeatTimeout.TotalSeconds:0.#} s)")
            : null;
    }

    private void Kill(FaceWorkerExit reason)
    {
        _accepting = false;
        _killedFor = reason;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task StopAsync()
    {
        _accepting = false;
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Gone already.
        }

        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(Exit(FaceWorkerExitReason.Hung, "did not stop when the daemon did"));
        }
    }

    private FaceWorkerExit Classify()
    {
        if (_failure is { } failure)
        {
            return Exit(failure.Kind switch
            {
                WorkerFailureKind.NativeLibrary => FaceWorkerExitReason.NativeLibraryMissing,
                WorkerFailureKind.Camera => FaceWorkerExitReason.CameraFailed,
                _ => FaceWorkerExitReason.ModelsUnavailable,
            }, failure.Message);
        }

        var code = process.ExitCode;
        return code > 128
            ? Exit(FaceWorkerExitReason.Crashed, $"killed by {SignalNames.Of(code - 128)}")
            : Exit(FaceWorkerExitReason.Exited, $"exited with status {code}");
    }

    private FaceWorkerExit Exit(FaceWorkerExitReason reason, string detail) => new(reason, detail, time.GetUtcNow());

    private void ReadChannel()
    {
        var channel = new FaceChannelReader(process.StandardOutput.BaseStream, FaceChannelFrame.MaximumResultPayloadBytes);
        try
        {
            while (_accepting && channel.Read() is { } type)
            {
                if (_accepting)
                {
                    Accept(type, channel.Payload);
                }
            }
        }
        catch (FaceChannelViolationException exception)
        {
            _accepting = false;
            _violation = exception.Message;
        }
        catch (IOException)
        {
            // The process is gone; its exit status says why.
        }
    }

    private void Accept(FaceMessageType type, ReadOnlySpan<byte> payload)
    {
        switch (type)
        {
            case FaceMessageType.Hello when _hello is null:
                _hello = CheckHello(WorkerHello.Parse(payload));
                Interlocked.Exchange(ref _lastBeatAt, time.GetTimestamp());
                _helloAccepted.TrySetResult();
                break;
            case FaceMessageType.Heartbeat when _hello is not null:
                var beat = WorkerHeartbeat.Parse(payload);
                handler.Refusals.Quality = beat.QualityRefused;
                lock (_heartbeatGate)
                {
                    var now = time.GetTimestamp();
                    var seconds = time.GetElapsedTime(_lastBeatAt, now).TotalSeconds;
                    _framesPerSecond = seconds > 0 && _lastHeartbeat.FramesCaptured > 0 ? (beat.FramesCaptured - _lastHeartbeat.FramesCaptured) / seconds : 0;
                    _lastHeartbeat = beat;
                    _lastBeatAt = now;
                }

                break;
            case FaceMessageType.FaceObservation when _hello is not null:
                _observation.ReadFrom(payload);
                handler.Handle(_observation);
                break;
            case FaceMessageType.OverlayReply when _hello is not null && TryTakeOwedSnapshot(out var pending):
                pending?.TrySetResult(OverlayReply.Parse(payload));
                break;
            case FaceMessageType.Failure:
                _failure = WorkerFailure.Parse(payload);
                break;
            default:
                throw new FaceChannelViolationException(_hello is null ? $"a {type} frame came before the hello" : $"a {type} frame is not expected from the camera worker");
        }
    }

    /// <summary>
    /// The next camera frame with the detector's faces drawn on, from the running worker (one request at a time):
    /// the frame never reaches the daemon's memory but as the PNG it relays.
    /// </summary>
    /// <exception cref="FaceWorkerUnavailableException">The worker has not said hello, is busy with another snapshot or ended.</exception>
    public Task<OverlayReply> RequestSnapshotAsync()
    {
        if (_hello is null || _toWorker is not { } toWorker || !_accepting)
        {
            throw new FaceWorkerUnavailableException("the camera worker has not started yet");
        }

        var pending = new TaskCompletionSource<OverlayReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_snapshotGate)
        {
            if (_snapshot is not null)
            {
                throw new FaceWorkerUnavailableException("another snapshot is being taken");
            }

            _snapshot = pending;
            _snapshotsOwed++;
        }

        try
        {
            toWorker.Write(FaceMessageType.SnapshotRequest, []);
        }
        catch (IOException exception)
        {
            EndSnapshot(new FaceWorkerUnavailableException($"the camera worker is gone: {exception.Message}"));
        }

        return pending.Task;
    }

    /// <summary>Called when the caller gave up waiting: a late reply is then dropped, and the next request may start.</summary>
    public void AbandonSnapshot(Task<OverlayReply> request)
    {
        lock (_snapshotGate)
        {
            if (_snapshot?.Task == request)
            {
                _snapshot = null;
            }
        }
    }

    /// <returns>False for a reply nobody asked for (a protocol violation); the request is null when its caller gave up.</returns>
    private bool TryTakeOwedSnapshot(out TaskCompletionSource<OverlayReply>? pending)
    {
        lock (_snapshotGate)
        {
            pending = null;
            if (_snapshotsOwed == 0)
            {
                return false;
            }

            _snapshotsOwed--;
            if (_snapshotsOwed == 0)
            {
                pending = _snapshot;
                _snapshot = null;
            }

            return true;
        }
    }

    private TaskCompletionSource<OverlayReply>? TakePendingSnapshot()
    {
        lock (_snapshotGate)
        {
            var pending = _snapshot;
            _snapshot = null;
            return pending;
        }
    }

    private void EndSnapshot(Exception why) => TakePendingSnapshot()?.TrySetException(why);

    private WorkerHello CheckHello(WorkerHello hello)
    {
        if (hello.EmbeddingDimension != embeddingDimension)
        {
            throw new FaceChannelViolationException($"the worker's embedder gives {hello.EmbeddingDimension} values; the templates have {embeddingDimension}");
        }

        return string.Equals(hello.EmbedderSha256, embedderModelId, StringComparison.OrdinalIgnoreCase)
            ? hello
            : throw new FaceChannelViolationException($"the worker opened embedder {hello.EmbedderSha256[..Math.Min(12, hello.EmbedderSha256.Length)]}…, not the one the templates belong to");
    }

    public void Dispose() => process.Dispose();
}
