using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// The running <see cref="WiegandGpioListener"/>s, keyed by reader or keypad id, and for each one that could
/// not start, why: its lines could not be opened, it is logged, and the others carry on.
/// </summary>
/// <param name="decide">Where the listeners' cards and PINs go, on the listener's own thread.</param>
/// <param name="logger">The host's logger, so that event 4203 keeps the host's category.</param>
internal sealed class WiegandListeners(
    GpioController gpio,
    Func<AccessAttempt, Task> decide,
    InputTimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WiegandGpioListener> _listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);

    public void Start(WiegandReaderOptions wiegand)
    {
        try
        {
            var listener = new WiegandGpioListener(gpio, wiegand, decide, time, loggerFactory.CreateLogger<WiegandGpioListener>());
            lock (_gate)
            {
                _listeners.Add(wiegand.Id, listener);
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            Log.ReaderFailed(logger, wiegand.Id, wiegand.Data0Pin, wiegand.Data1Pin, exception);
            lock (_gate)
            {
                _failures[wiegand.Id] = exception.Message;
            }
        }
    }

    /// <summary>
    /// Hands each entry to <paramref name="describe"/> with its listener, or with none and why it failed (null
    /// if it was never started), all under one lock so that the counts returned agree with what was described.
    /// </summary>
    public (int Listening, int Failed) Describe(IEnumerable<ConfiguredReader> entries, Action<ConfiguredReader, WiegandGpioListener?, string?> describe)
    {
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                var id = entry.Wiegand.Id;
                describe(entry, _listeners.GetValueOrDefault(id), _failures.GetValueOrDefault(id));
            }

            return (_listeners.Count, _failures.Count);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var listener in _listeners.Values)
            {
                listener.Dispose();
            }

            _listeners.Clear();
        }
    }
}
