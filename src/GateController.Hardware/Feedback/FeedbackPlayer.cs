using System.Device.Gpio;
using GateController.Core.Access;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Feedback;

/// <summary>
/// Plays <see cref="FeedbackPattern"/>s on a reader's LED and beeper lines. Non-blocking: <see cref="Play(FeedbackPattern)"/>
/// switches the first outputs at once and returns; a <see cref="TimeProvider"/> timer does the rest. A new
/// pattern cancels the one playing (its lines go off first), so feedback always describes the latest decision.
/// Thread-safe.
/// </summary>
public sealed class FeedbackPlayer : IDisposable
{
    private static readonly FeedbackLine[] Lines = Enum.GetValues<FeedbackLine>();

    private readonly GpioController _gpio;
    private readonly FeedbackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedbackPlayer> _logger;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private FeedbackPattern? _pattern;
    private int _nextStep;
    private long _startedAt;
    private bool _disposed;

    /// <param name="gpio">The controller owning the pins.</param>
    /// <param name="options">Which lines are wired, and their active levels.</param>
    /// <param name="time">Clock for the pattern timing.</param>
    /// <param name="logger">Logger.</param>
    public FeedbackPlayer(GpioController gpio, FeedbackOptions options, TimeProvider time, ILogger<FeedbackPlayer> logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _gpio = gpio;
        _options = options;
        _time = time;
        _logger = logger;
        foreach (var line in Lines)
        {
            var output = options.For(line);
            if (output.Pin != FeedbackOutputOptions.NoPin)
            {
                gpio.OpenPin(output.Pin, PinMode.Output, Level(output, on: false));
            }
        }

        _timer = time.CreateTimer(_ => Advance(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Log.Ready(logger, options.GreenLed.Pin, options.RedLed.Pin, options.Beeper.Pin);
    }

    /// <summary>Plays the pattern for a decision (see <see cref="FeedbackPattern.For"/>).</summary>
    public void Play(AccessResult result) => Play(FeedbackPattern.For(result));

    public void Play(FeedbackPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            AllOff();
            _pattern = pattern;
            _nextStep = 0;
            _startedAt = _time.GetTimestamp();
            ApplyDueStepsAndSchedule();
        }
    }

    private void Advance()
    {
        lock (_gate)
        {
            if (!_disposed && _pattern is not null)
            {
                ApplyDueStepsAndSchedule();
            }
        }
    }

    private void ApplyDueStepsAndSchedule()
    {
        var steps = _pattern!.Steps;
        var elapsed = _time.GetElapsedTime(_startedAt);
        while (_nextStep < steps.Count && steps[_nextStep].At <= elapsed)
        {
            var step = steps[_nextStep++];
            Write(step.Line, step.On);
        }

        // A callback from the cancelled pattern's timer may land here too: it finds nothing due and re-arms.
        var due = _nextStep < steps.Count ? steps[_nextStep].At - elapsed : Timeout.InfiniteTimeSpan;
        if (_nextStep >= steps.Count)
        {
            _pattern = null;
        }

        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void AllOff()
    {
        foreach (var line in Lines)
        {
            Write(line, on: false);
        }
    }

    private void Write(FeedbackLine line, bool on)
    {
        var output = _options.For(line);
        if (output.Pin == FeedbackOutputOptions.NoPin)
        {
            return;
        }

        try
        {
            _gpio.Write(output.Pin, Level(output, on));
        }
        catch (IOException exception)
        {
            // One dead LED line must not silence the beeper, nor reach the decision path that called Play.
            Log.WriteFailed(_logger, output.Pin, exception);
        }
    }

    private static PinValue Level(FeedbackOutputOptions output, bool on) =>
        on == (output.ActiveLevel == FeedbackActiveLevel.High) ? PinValue.High : PinValue.Low;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            AllOff();
        }
    }
}
