using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Health;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Evdev;

/// <summary>
/// A USB numeric keypad: keys go through <see cref="PinEntry"/> (digits, <c>*</c> clears, <c>#</c> or
/// Enter submits, 5 s between keys), and a complete PIN is submitted as a <see cref="PinCredential"/>
/// stamped at the submitting key. Call <see cref="RunAsync"/> from a BackgroundService.
/// </summary>
public sealed class EvdevKeypad : ISubsystemStatusSource
{
    private readonly EvdevKeypadOptions _options;
    private readonly Func<AccessAttempt, Task> _submit;
    private readonly TimeProvider _time;
    private readonly ILogger<EvdevKeypad> _logger;
    private readonly EvdevInputLoop _loop;
    private readonly PinEntry _pinEntry;
    private long _pinsSubmitted;

    /// <param name="options">This keypad's configuration, already validated.</param>
    /// <param name="submit">Hands an attempt to the decision engine; must not block.</param>
    /// <param name="time">Clock for the attempt timestamp, the inter-key timeout and the reconnect backoff.</param>
    /// <param name="logger">Logger.</param>
    public EvdevKeypad(EvdevKeypadOptions options, Func<AccessAttempt, Task> submit, TimeProvider time, ILogger<EvdevKeypad> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _submit = submit;
        _time = time;
        _logger = logger;
        _pinEntry = new PinEntry(options.PinEntry, time);
        _loop = new EvdevInputLoop(options, "keypad", OnCharacter, time, logger);
    }

    /// <summary>The keypad's name in events and in the lockout.</summary>
    public string KeypadId => _options.Id;

    public long PinsSubmitted => Interlocked.Read(ref _pinsSubmitted);

    /// <summary>Reads until <paramref name="stoppingToken"/> is cancelled, reopening the device whenever it vanishes.</summary>
    public Task RunAsync(CancellationToken stoppingToken) => _loop.RunAsync(stoppingToken);

    public SubsystemStatus GetStatus() => _loop.GetStatus(("pinsSubmitted", PinsSubmitted));

    /// <summary>One mapped character from the device; called on the reader thread only.</summary>
    internal void OnCharacter(char character)
    {
        var result = _pinEntry.Press(character == KeyCodeMap.EndOfEntry ? '#' : character);
        Log.KeypadKey(_logger, _options.Id, result.Outcome);
        if (result.Pin is { } pin)
        {
            Interlocked.Increment(ref _pinsSubmitted);
            _loop.Submit(_submit, new AccessAttempt(_options.Id, pin, _time.GetTimestamp()));
        }
    }
}
