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
/// the Wiegand ones here, under one <c>readers</c> section keyed by id (see <see cref="ReadersStatus"/>).
/// </summary>
internal sealed class ReaderHost : IHostedService, ISubsystemStatusSource, IDisposable
{
    private readonly AccessDecisionEngine _engine;
    private readonly KeypadLockout _lockout;
    private readonly IOptions<AccessPointOptions> _options;
    private readonly ReaderDeviceRegistry _devices;
    private readonly ILogger _logger;
    private readonly WiegandListeners _listeners;

    public ReaderHost(
        GpioController gpio,
        AccessDecisionEngine engine,
        KeypadLockout lockout,
        IOptions<AccessPointOptions> options,
        ReaderDeviceRegistry devices,
        InputTimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _engine = engine;
        _lockout = lockout;
        _options = options;
        _devices = devices;
        _logger = loggerFactory.CreateLogger<ReaderHost>();
        _listeners = new WiegandListeners(gpio, DecideNow, time, loggerFactory, _logger);
    }

    public IReadOnlyList<ConfiguredReader> Configured => [.. _options.Value.All];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in _options.Value.All)
        {
            _listeners.Start(entry.Wiegand);
        }

        Log.ReadersStarted(_logger, _options.Value.ReaderCount, _options.Value.KeypadCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public SubsystemStatus GetStatus() => ReadersStatus.Compose(_options.Value.All, _listeners, _devices, _lockout);

    public void Dispose() => _listeners.Dispose();

    /// <summary>Cards and PINs are decided on the listener's own (normal-priority) thread; see <see cref="AccessDecisionEngine.DecideNow"/>.</summary>
    private Task DecideNow(AccessAttempt attempt) => Task.FromResult(_engine.DecideNow(attempt));
}
