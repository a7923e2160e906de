using GateController.Core.Access;
using GateController.Core.Health;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Nfc;

/// <summary>
/// Polls one NFC/RFID module and submits each new card presentation as a raw <see cref="CardCredential"/>;
/// a card held on the reader is submitted once (<see cref="CardPresenceFilter"/>). Bus errors mark the
/// reader failed and are retried; they never stop the loop. Call <see cref="RunAsync"/> from a BackgroundService.
/// </summary>
public sealed class NfcCardPoller : ISubsystemStatusSource
{
    private readonly INfcUidSource _source;
    private readonly NfcReaderOptions _options;
    private readonly Func<AccessAttempt, Task> _submit;
    private readonly TimeProvider _time;
    private readonly ILogger<NfcCardPoller> _logger;
    private readonly CardPresenceFilter _presence;
    private readonly Action<Exception> _onSubmitFailed;
    private readonly byte[] _uid = new byte[INfcUidSource.MaximumUidLength];
    private long _cardsRead;
    private volatile string? _failure;

    /// <param name="source">The module (an adapter over Iot.Device.Bindings, or a fake in tests).</param>
    /// <param name="options">This reader's configuration, already validated.</param>
    /// <param name="submit">Hands an attempt to the decision engine; must not block.</param>
    /// <param name="time">Clock for the poll interval, the repeat window and the attempt timestamp.</param>
    /// <param name="logger">Logger.</param>
    public NfcCardPoller(INfcUidSource source, NfcReaderOptions options, Func<AccessAttempt, Task> submit, TimeProvider time, ILogger<NfcCardPoller> logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _options = options;
        _submit = submit;
        _time = time;
        _logger = logger;
        _onSubmitFailed = exception => Log.SubmitFailed(logger, options.Id, exception);
        _presence = new CardPresenceFilter(options.RepeatWindow, time);
    }

    public string ReaderId => _options.Id;

    public long CardsRead => Interlocked.Read(ref _cardsRead);

    public SubsystemStatus GetStatus() => _failure is { } failure
        ? SubsystemStatus.Of($"nfc:{_options.Id}", HealthState.Failed, failure, ("module", _options.Module.ToString()))
        : SubsystemStatus.Of($"nfc:{_options.Id}", HealthState.Healthy, "polling", ("module", _options.Module.ToString()), ("cardsRead", CardsRead));

    /// <summary>
    /// Polls until <paramref name="stoppingToken"/> is cancelled, on a thread of its own: SPI, I2C and UART
    /// transfers block, and must neither hold a pool thread nor wait behind face work.
    /// </summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        Thread.CurrentThread.Name = $"nfc {_options.Id}";
        Log.Polling(_logger, _options.Id, _options.PollInterval, _options.RepeatWindow);
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = PollOnce() ? _options.PollInterval : _options.ErrorRetryDelay;
            try
            {
                Task.Delay(delay, _time, stoppingToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One poll of the field. False when the module failed.</summary>
    internal bool PollOnce()
    {
        int length;
        bool found;
        try
        {
            found = _source.TryReadUid(_uid, out length);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or InvalidOperationException)
        {
            if (_failure is null)
            {
                Log.ModuleFailed(_logger, _options.Id, _options.ErrorRetryDelay, exception);
            }

            _failure = exception.Message;
            return false;
        }

        if (_failure is not null)
        {
            _failure = null;
            Log.ModuleRecovered(_logger, _options.Id);
        }

        if (found && length > 0 && _presence.IsNewPresentation(_uid.AsSpan(0, length)))
        {
            Submit(_uid.AsSpan(0, length));
        }

        return true;
    }

    private void Submit(ReadOnlySpan<byte> uid)
    {
        var presentedAt = _time.GetTimestamp();
        if (!NfcCardNumber.TryCreate(uid, out var card))
        {
            Log.UidTooLong(_logger, _options.Id, uid.Length);
            return;
        }

        Interlocked.Increment(ref _cardsRead);
        Log.CardRead(_logger, _options.Id, card);
        AttemptSubmission.Submit(_submit, new AccessAttempt(_options.Id, new CardCredential(card), presentedAt), _onSubmitFailed);
    }
}
