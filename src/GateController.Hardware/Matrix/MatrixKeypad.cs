using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Health;
using GateController.Core.Inputs;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Matrix;

/// <summary>
/// Scans a 3×4 or 4×4 matrix keypad: each row in turn is driven high and the columns (pulled down) are
/// read, so a pressed key reads high at its crossing. Readings go through <see cref="InputDebouncer"/>;
/// each debounced press goes to <see cref="PinEntry"/>, and '#' submits the PIN stamped at the moment
/// the '#' was first seen pressed.
/// </summary>
/// <remarks>
/// Iot.Device.Bindings' <c>KeyMatrix</c> (4.2) uses the same row-high/column-pull-down wiring, but it
/// cannot sit behind our seams: its loop runs on a thread of its own with <c>Thread.Sleep(ScanInterval)</c>
/// on the wall clock, not a <see cref="TimeProvider"/>, so the debounce could only be tested with real
/// sleeps; and it reports raw, undebounced changes. This scanner keeps its wiring and its
/// <see cref="GpioController"/> seam and runs on a <see cref="TimeProvider"/> timer instead.
/// </remarks>
public sealed class MatrixKeypad : IDisposable, ISubsystemStatusSource
{
    private readonly GpioController _gpio;
    private readonly MatrixKeypadOptions _options;
    private readonly Func<AccessAttempt, Task> _submit;
    private readonly ILogger<MatrixKeypad> _logger;
    private readonly MatrixKeyLayout _layout;
    private readonly InputDebouncer _debouncer;
    private readonly PinEntry _pinEntry;
    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly bool[] _reading;
    private readonly Lock _scanGate = new();
    private readonly ITimer _scanTimer;
    private readonly Action<Exception> _onSubmitFailed;
    private long _keysPressed;
    private long _pinsSubmitted;
    private string? _failure;

    /// <param name="gpio">The controller owning the pins (libgpiod on the device, <c>SimulatedGpioDriver</c> in tests).</param>
    /// <param name="options">This keypad's configuration, already validated.</param>
    /// <param name="submit">Hands an attempt to the decision engine; must not block.</param>
    /// <param name="time">Clock for the scan timer, the debounce and the inter-key timeout.</param>
    /// <param name="logger">Logger.</param>
    public MatrixKeypad(GpioController gpio, MatrixKeypadOptions options, Func<AccessAttempt, Task> submit, TimeProvider time, ILogger<MatrixKeypad> logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _gpio = gpio;
        _options = options;
        _submit = submit;
        _logger = logger;
        _onSubmitFailed = exception => Log.SubmitFailed(logger, options.Id, exception);
        _rows = [.. options.RowPins];
        _columns = [.. options.ColumnPins];
        _layout = MatrixKeyLayout.For(options.Keys, _columns.Length);
        if (_layout.RowCount != _rows.Length || _layout.ColumnCount != _columns.Length)
        {
            throw new ArgumentException(
                $"Keypad '{options.Id}': the key layout is {_layout.RowCount}×{_layout.ColumnCount} but {_rows.Length} row and {_columns.Length} column pins are configured.",
                nameof(options));
        }

        _debouncer = new InputDebouncer(_rows.Length * _columns.Length, options.DebounceDuration, time);
        _reading = new bool[_rows.Length * _columns.Length];
        _pinEntry = new PinEntry(options.PinEntry, time);
        foreach (var row in _rows)
        {
            gpio.OpenPin(row, PinMode.Output, PinValue.Low);
        }

        foreach (var column in _columns)
        {
            gpio.OpenPin(column, PinMode.InputPullDown);
        }

        _scanTimer = time.CreateTimer(_ => Scan(), null, options.ScanInterval, options.ScanInterval);
        Log.Scanning(logger, options.Id, string.Join(',', _rows), string.Join(',', _columns), options.ScanInterval, options.DebounceDuration);
    }

    public string KeypadId => _options.Id;

    /// <summary>Debounced key presses since start, for status.</summary>
    public long KeysPressed => Interlocked.Read(ref _keysPressed);

    public long PinsSubmitted => Interlocked.Read(ref _pinsSubmitted);

    public SubsystemStatus GetStatus() => _failure is { } failure
        ? SubsystemStatus.Of($"keypad:{_options.Id}", HealthState.Failed, failure)
        : SubsystemStatus.Of($"keypad:{_options.Id}", HealthState.Healthy, "scanning", ("keysPressed", KeysPressed), ("pinsSubmitted", PinsSubmitted));

    private void Scan()
    {
        // A scan that overruns its interval (a stalled libgpiod call) must not interleave with the next one.
        if (!_scanGate.TryEnter())
        {
            return;
        }

        try
        {
            ReadMatrix();
            _failure = null;
            for (var key = 0; key < _reading.Length; key++)
            {
                if (_debouncer.Update(key, _reading[key], out var changedAt) && _debouncer.IsPressed(key))
                {
                    Press(_layout.KeyAt(key / _columns.Length, key % _columns.Length), changedAt);
                }
            }

            _pinEntry.ExpireIfIdle();
        }
        catch (IOException exception)
        {
            if (_failure is null)
            {
                Log.ScanFailed(_logger, _options.Id, exception);
            }

            _failure = exception.Message;
        }
        finally
        {
            _scanGate.Exit();
        }
    }

    private void ReadMatrix()
    {
        for (var row = 0; row < _rows.Length; row++)
        {
            // No settling delay: a libgpiod write-then-read takes tens of µs, far longer than the line needs.
            _gpio.Write(_rows[row], PinValue.High);
            for (var column = 0; column < _columns.Length; column++)
            {
                _reading[row * _columns.Length + column] = _gpio.Read(_columns[column]) == PinValue.High;
            }

            _gpio.Write(_rows[row], PinValue.Low);
        }
    }

    private void Press(char key, long pressedAt)
    {
        Interlocked.Increment(ref _keysPressed);
        var result = _pinEntry.Press(key);
        Log.KeypadKey(_logger, _options.Id, result.Outcome);
        if (result.Pin is not { } pin)
        {
            return;
        }

        Interlocked.Increment(ref _pinsSubmitted);
        AttemptSubmission.Submit(_submit, new AccessAttempt(_options.Id, pin, pressedAt), _onSubmitFailed);
    }

    public void Dispose()
    {
        _scanTimer.Dispose();
        lock (_scanGate)
        {
            foreach (var pin in _rows.Concat(_columns))
            {
                _gpio.ClosePin(pin);
            }
        }
    }
}
