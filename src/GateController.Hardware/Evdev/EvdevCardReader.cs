using GateController.Core.Access;
using GateController.Core.Health;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Evdev;

/// <summary>
/// A USB keyboard-wedge card reader: it "types" each card as digits (or hex) and Enter. Characters
/// accumulate until Enter, then become a raw <see cref="CardCredential"/> submitted to the engine,
/// stamped at the Enter key. Call <see cref="RunAsync"/> from a BackgroundService.
/// </summary>
public sealed class EvdevCardReader : ISubsystemStatusSource
{
    private readonly EvdevCardReaderOptions _options;
    private readonly Func<AccessAttempt, Task> _submit;
    private readonly TimeProvider _time;
    private readonly ILogger<EvdevCardReader> _logger;
    private readonly EvdevInputLoop _loop;
    private readonly char[] _typed = new char[WedgeCardParser.MaximumDecimalDigits + 1];
    private int _typedCount;
    private long _lastCharacterTimestamp;
    private long _cardsRead;
    private long _cardsRejected;

    /// <param name="options">This reader's configuration, already validated.</param>
    /// <param name="submit">Hands an attempt to the decision engine; must not block (pass <c>AccessDecisionEngine.SubmitAsync</c>).</param>
    /// <param name="time">Clock for the attempt timestamp, the character timeout and the reconnect backoff.</param>
    /// <param name="logger">Logger.</param>
    public EvdevCardReader(EvdevCardReaderOptions options, Func<AccessAttempt, Task> submit, TimeProvider time, ILogger<EvdevCardReader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _submit = submit;
        _time = time;
        _logger = logger;
        _loop = new EvdevInputLoop(options, "card reader", OnCharacter, time, logger);
    }

    public string ReaderId => _options.Id;

    public long CardsRead => Interlocked.Read(ref _cardsRead);

    public long CardsRejected => Interlocked.Read(ref _cardsRejected);

    /// <summary>Reads until <paramref name="stoppingToken"/> is cancelled, reopening the device whenever it vanishes.</summary>
    public Task RunAsync(CancellationToken stoppingToken) => _loop.RunAsync(stoppingToken);

    public SubsystemStatus GetStatus() => _loop.GetStatus(("cardsRead", CardsRead), ("cardsRejected", CardsRejected));

    /// <summary>One mapped character from the device; called on the reader thread only.</summary>
    internal void OnCharacter(char character)
    {
        var now = _time.GetTimestamp();
        if (_typedCount > 0 && _time.GetElapsedTime(_lastCharacterTimestamp, now) > _options.CharacterTimeout)
        {
            _typedCount = 0;
        }

        _lastCharacterTimestamp = now;
        if (character != KeyCodeMap.EndOfEntry)
        {
            // One past the longest number, so an over-long entry is rejected at Enter rather than truncated.
            if (_typedCount < _typed.Length)
            {
                _typed[_typedCount++] = character;
            }

            return;
        }

        var text = _typed.AsSpan(0, _typedCount);
        _typedCount = 0;
        if (WedgeCardParser.TryParse(text, _options.OutputFormat, _options.DecimalBitCount, out var card))
        {
            Interlocked.Increment(ref _cardsRead);
            Log.CardRead(_logger, _options.Id, card);
            _loop.Submit(_submit, new AccessAttempt(_options.Id, new CardCredential(card), now));
        }
        else if (text.Length > 0)
        {
            Interlocked.Increment(ref _cardsRejected);
            var maximumBits = _options.OutputFormat == WedgeCardFormat.Hex ? WedgeCardParser.MaximumHexDigits * 4 : _options.DecimalBitCount;
            Log.CardRejected(_logger, _options.Id, text.Length, _options.OutputFormat, maximumBits);
        }

        text.Clear();
    }
}
