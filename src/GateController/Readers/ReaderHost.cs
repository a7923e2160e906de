using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Health;
using GateController.Hardware.Wiegand;
using Microsoft.Extensions.Options;

namespace GateController.Readers;

/// <summary>
/// Starts one listener per configured reader and keypad and hands their attempts to the decision
/// engine. Listeners are event-driven (GPIO edge callbacks and a frame-gap timer), so there is no
/// loop here and no thread to lower: card and PIN decoding keep normal priority, while the face
/// path runs niced. The frame gap runs on <see cref="InputTimeProvider"/>'s own thread, never on the
/// shared thread pool. A reader that fails to start is reported in status; the others carry on.
/// The evdev, NFC and matrix devices are started by <see cref="ReaderDeviceHost"/>; their statuses join
/// the Wiegand ones here, under one <c>readers</c> section keyed by id.
/// </summary>
internal sealed class ReaderHost(
    GpioController gpio,
    AccessDecisionEngine engine,
    KeypadLockout lockout,
    IOptions<AccessPointOptions> options,
    ReaderDeviceRegistry devices,
    InputTimeProvider time,
    ILoggerFactory loggerFactory) : IHostedService, ISubsystemStatusSource, IDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ReaderHost>();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WiegandGpioListener> _listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);

    public IReadOnlyList<ConfiguredReader> Configured => [.. options.Value.All];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in options.Value.All)
        {
            var wiegand = entry.Wiegand;
            try
            {
                var listener = new WiegandGpioListener(gpio, wiegand, DecideNow, time, loggerFactory.CreateLogger<WiegandGpioListener>());
                lock (_gate)
                {
                    _listeners.Add(wiegand.Id, listener);
                }
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
            {
                Log.ReaderFailed(_logger, wiegand.Id, wiegand.Data0Pin, wiegand.Data1Pin, exception);
                lock (_gate)
                {
                    _failures[wiegand.Id] = exception.Message;
                }
            }
        }

        Log.ReadersStarted(_logger, options.Value.ReaderCount, options.Value.KeypadCount);
        return Task.CompletedTask;
    }

    /// <summary>Cards and PINs are decided on the listener's own (normal-priority) thread; see <see cref="AccessDecisionEngine.DecideNow"/>.</summary>
    private Task DecideNow(AccessAttempt attempt) => Task.FromResult(engine.DecideNow(attempt));

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public SubsystemStatus GetStatus()
    {
        var facts = new Dictionary<string, object>(StringComparer.Ordinal);
        int running;
        int failed;
        lock (_gate)
        {
            foreach (var entry in options.Value.All)
            {
                facts[entry.Wiegand.Id] = Describe(entry);
            }

            running = _listeners.Count;
            failed = _failures.Count;
        }

        foreach (var (id, kind, status) in devices.Snapshot())
        {
            facts[id] = Describe(id, kind, status);
            running += status.State is HealthState.Healthy or HealthState.Degraded ? 1 : 0;
            failed += status.State == HealthState.Failed ? 1 : 0;
        }

        var state = failed == 0 ? HealthState.Healthy : running > 0 ? HealthState.Degraded : HealthState.Failed;
        var detail = facts.Count == 0 ? "no readers or keypads configured" : $"{running} listening, {failed} failed";
        return new SubsystemStatus("readers", facts.Count == 0 ? HealthState.Disabled : state, detail, facts);
    }

    /// <summary>A device's own status: its state and detail, its facts, and for a keypad its lockout.</summary>
    private Dictionary<string, object> Describe(string id, string kind, SubsystemStatus status)
    {
        var facts = new Dictionary<string, object>(status.Facts, StringComparer.Ordinal)
        {
            ["kind"] = kind,
            ["state"] = status.State switch
            {
                HealthState.Healthy => "running",
                HealthState.Degraded => "degraded",
                HealthState.Failed => "failed",
                _ => "disabled",
            },
            ["detail"] = status.Detail,
        };
        if (lockout.IsLockedOut(id, out var remaining))
        {
            facts["lockedOut"] = true;
            facts["lockedOutSeconds"] = Math.Ceiling(remaining.TotalSeconds);
        }

        return facts;
    }

    private Dictionary<string, object> Describe(ConfiguredReader entry)
    {
        var wiegand = entry.Wiegand;
        var facts = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["kind"] = entry.Kind,
            ["data0Pin"] = wiegand.Data0Pin,
            ["data1Pin"] = wiegand.Data1Pin,
        };
        if (_listeners.TryGetValue(wiegand.Id, out var listener))
        {
            facts["state"] = "listening";
            if (entry.ReadsCards)
            {
                facts["formats"] = string.Join(',', wiegand.Formats);
                facts["frameGapMs"] = wiegand.FrameGap.TotalMilliseconds;
                facts["cardsRead"] = listener.CardsRead;
            }

            facts["framesRejected"] = listener.FramesRejected;
        }
        else
        {
            facts["state"] = "failed";
            facts["error"] = _failures.GetValueOrDefault(wiegand.Id, "not started");
        }

        if (entry.HasKeys)
        {
            facts["keypad"] = entry.KeypadId;
            var locked = lockout.IsLockedOut(entry.KeypadId, out var remaining);
            facts["lockedOut"] = locked;
            if (locked)
            {
                facts["lockedOutSeconds"] = Math.Ceiling(remaining.TotalSeconds);
            }
        }

        return facts;
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
