using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Credentials;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Wiegand;

/// <summary>
/// Listens to one Wiegand reader's D0/D1 lines and submits each card (or, with a keypad, each PIN
/// completed by '#') to the decision engine. Frames that are not cards are counted and logged,
/// rate-limited, and never reach the engine.
/// </summary>
/// <remarks>
/// Edge times are taken with <see cref="TimeProvider.GetTimestamp"/> when the callback runs, because
/// System.Device.Gpio 4.2's <see cref="PinValueChangedEventArgs"/> carries no time. libgpiod stamps each
/// line event in the kernel interrupt handler; with those stamps the interval and simultaneity checks
/// would see the wire's real 2 ms spacing even when a callback is delayed by scheduling or GC, and the
/// minimum interval could be the full 200 µs of the Wiegand timing.
/// </remarks>
public sealed class WiegandGpioListener : IDisposable
{
    private readonly GpioController _gpio;
    private readonly WiegandReaderOptions _options;
    private readonly Func<AccessAttempt, Task> _submit;
    private readonly TimeProvider _time;
    private readonly ILogger<WiegandGpioListener> _logger;
    private readonly WiegandFrameDecoder? _decoder;
    private readonly WiegandFrameAssembler _assembler;
    private readonly RejectionLogLimiter _rejectionLog;
    private readonly PinEntry? _pinEntry;
    private readonly int _keyFrameLength;
    private readonly string _keypadId;
    private readonly ITimer _gapTimer;
    private readonly Action<Exception> _onSubmitFailed;
    private readonly Lock _assemblerGate = new();
    private readonly Lock _frameGate = new();
    private long _cardsRead;
    private long _framesRejected;

    /// <param name="gpio">The controller owning the pins (libgpiod on the device, <c>SimulatedGpioDriver</c> in tests).</param>
    /// <param name="options">This reader's configuration, already validated.</param>
    /// <param name="submit">Hands an attempt to the decision engine; must not block (pass <c>AccessDecisionEngine.SubmitAsync</c>).</param>
    /// <param name="time">Clock for edge timestamps, the frame gap and the keypad timeout.</param>
    /// <param name="logger">Logger.</param>
    public WiegandGpioListener(
        GpioController gpio,
        WiegandReaderOptions options,
        Func<AccessAttempt, Task> submit,
        TimeProvider time,
        ILogger<WiegandGpioListener> logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(time);
        _gpio = gpio;
        _options = options;
        _submit = submit;
        _time = time;
        _logger = logger;
        _onSubmitFailed = exception => Log.SubmitFailed(logger, options.Id, exception);
        var formats = options.Formats.Select(name => WiegandFormat.TryParse(name, out var format)
            ? format
            : throw new ArgumentException($"Reader '{options.Id}': card format '{name}' is unknown; use H10301, H10306, C1000, H10304, H10302 or RawN.", nameof(options))).ToArray();
        if (formats.Length == 0 && options.KeypadMode == WiegandKeypadMode.None)
        {
            throw new ArgumentException($"Reader '{options.Id}' has no card formats and no keypad.", nameof(options));
        }

        _decoder = formats.Length > 0 ? new WiegandFrameDecoder(formats) : null;
        _assembler = new WiegandFrameAssembler(options.FrameGap, options.MinimumPulseInterval, time.TimestampFrequency);
        _rejectionLog = new RejectionLogLimiter(options.RejectionLogInterval, time);
        _keypadId = options.KeypadId ?? options.Id;
        if (options.KeypadMode != WiegandKeypadMode.None)
        {
            _pinEntry = new PinEntry(options.PinEntry, time);
            // A keypad-only reader sends frames of one length, so a key completes on its last bit, not after the gap.
            _keyFrameLength = _decoder is null ? (options.KeypadMode == WiegandKeypadMode.FourBitPerKey ? 4 : 8) : 0;
        }

        _gapTimer = time.CreateTimer(_ => OnGapElapsed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var mode = options.PullUp && gpio.IsPinModeSupported(options.Data0Pin, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
        gpio.OpenPin(options.Data0Pin, mode);
        gpio.OpenPin(options.Data1Pin, mode);
        gpio.RegisterCallbackForPinValueChangedEvent(options.Data0Pin, PinEventTypes.Falling, OnData0Falling);
        gpio.RegisterCallbackForPinValueChangedEvent(options.Data1Pin, PinEventTypes.Falling, OnData1Falling);
        Log.Listening(logger, options.Id, options.Data0Pin, options.Data1Pin, string.Join(',', formats.Select(f => f.ToString())), options.KeypadMode);
    }

    public string ReaderId => _options.Id;

    /// <summary>Cards decoded and submitted since start, for status.</summary>
    public long CardsRead => Interlocked.Read(ref _cardsRead);

    /// <summary>Frames rejected (bad parity, wrong length, noise) since start, for status.</summary>
    public long FramesRejected => Interlocked.Read(ref _framesRejected);

    private void OnData0Falling(object sender, PinValueChangedEventArgs args) => OnPulse(WiegandLine.Data0, _options.Data1Pin);

    private void OnData1Falling(object sender, PinValueChangedEventArgs args) => OnPulse(WiegandLine.Data1, _options.Data0Pin);

    private void OnPulse(WiegandLine line, int otherPin)
    {
        var timestamp = _time.GetTimestamp();
        var otherLineLow = _gpio.Read(otherPin) == PinValue.Low;
        WiegandFrame previous;
        WiegandFrame current = default;
        bool endedPrevious;
        var endedCurrent = false;
        lock (_assemblerGate)
        {
            endedPrevious = _assembler.AddPulse(line, timestamp, otherLineLow, out previous);
            if (_keyFrameLength > 0 && _assembler.PendingBitCount == _keyFrameLength)
            {
                endedCurrent = _assembler.TryCompleteFrameNow(out current);
            }
            else
            {
                _gapTimer.Change(_options.FrameGap, Timeout.InfiniteTimeSpan);
            }
        }

        if (endedPrevious)
        {
            HandleFrame(previous);
        }

        if (endedCurrent)
        {
            HandleFrame(current);
        }
    }

    private void OnGapElapsed()
    {
        WiegandFrame frame;
        bool ended;
        lock (_assemblerGate)
        {
            var now = _time.GetTimestamp();
            ended = _assembler.TryCompleteFrame(now, out frame);
            if (!ended && _assembler.HasPendingFrame)
            {
                // Woken before the gap was complete (a pulse raced the timer): wait for the rest.
                _gapTimer.Change(_time.GetElapsedTime(now, _assembler.PendingFrameEndsAt), Timeout.InfiniteTimeSpan);
            }
        }

        if (ended)
        {
            HandleFrame(frame);
        }
    }

    private void HandleFrame(WiegandFrame frame)
    {
        lock (_frameGate)
        {
            if (_pinEntry is not null && WiegandKeypadDecoder.TryDecodeKey(frame, _options.KeypadMode, out var key))
            {
                HandleKey(key, frame.LastEdgeTimestamp);
                return;
            }

            var result = _decoder?.Decode(frame) ?? WiegandDecodeResult.UnsupportedLength(frame.BitCount);
            if (result.TryGetCard(out var card))
            {
                Interlocked.Increment(ref _cardsRead);
                Log.CardRead(_logger, _options.Id, card.Value);
                Submit(new AccessAttempt(_options.Id, new CardCredential(card.Value), frame.LastEdgeTimestamp));
                return;
            }

            Interlocked.Increment(ref _framesRejected);
            if (_rejectionLog.TryAcquire(out var suppressed))
            {
                Log.FrameRejected(_logger, _options.Id, result.BitCount, result.Status, suppressed);
            }
        }
    }

    private void HandleKey(char key, long timestamp)
    {
        var result = _pinEntry!.Press(key);
        Log.KeypadKey(_logger, _keypadId, result.Outcome);
        if (result.Pin is { } pin)
        {
            Submit(new AccessAttempt(_keypadId, pin, timestamp));
        }
    }

    private void Submit(AccessAttempt attempt) => AttemptSubmission.Submit(_submit, attempt, _onSubmitFailed);

    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_options.Data0Pin, OnData0Falling);
        _gpio.UnregisterCallbackForPinValueChangedEvent(_options.Data1Pin, OnData1Falling);
        _gapTimer.Dispose();
    }
}
