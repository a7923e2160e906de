using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Health;
using GateController.Hardware.Evdev;
using GateController.Hardware.Matrix;
using GateController.Hardware.Nfc;
using GateController.Hardware.Wiegand;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Readers;

/// <summary>
/// Starts the evdev readers and keypads, the NFC pollers and the matrix keypads, all submitting to the
/// decision engine; each reports its status through <see cref="ReaderDeviceRegistry"/>. Evdev and NFC
/// devices read on threads of their own (their <c>RunAsync</c>, watched by <see cref="DeviceLoopSupervisor"/>);
/// matrix keypads scan on <see cref="InputTimeProvider"/>'s thread over the daemon's <see cref="GpioController"/>
/// (the simulated one under <c>--simulate</c>). A device that fails to start is reported failed; the others carry on.
/// </summary>
/// <param name="scanTime">The matrix scan clock: <see cref="InputTimeProvider"/> in the daemon, a fake in tests.</param>
/// <param name="time">The daemon's clock, for the evdev and NFC loops and their attempt timestamps.</param>
internal sealed class ReaderDeviceHost(
    GpioController gpio,
    AccessDecisionEngine engine,
    IOptions<AccessPointOptions> options,
    IOptions<DaemonOptions> daemon,
    ReaderDeviceRegistry registry,
    TimeProvider scanTime,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ReaderDeviceHost>();
    private readonly List<IDisposable> _owned = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Matrix keypads scan from construction on; start them before the daemon reports itself ready.
        foreach (var keypad in options.Value.MatrixKeypads)
        {
            try
            {
                var scanner = new MatrixKeypad(gpio, keypad.Options, engine.SubmitAsync, scanTime, loggerFactory.CreateLogger<MatrixKeypad>());
                Own(scanner);
                registry.Started(keypad.Id, keypad.Kind, scanner);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
            {
                Log.DeviceFailed(_logger, keypad.Kind, keypad.Id, exception);
                registry.NotStarted(keypad.Id, keypad.Kind, HealthState.Failed, exception.Message);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var supervisor = new DeviceLoopSupervisor(registry, _logger);
        var modules = new NfcModuleOpener(gpio, daemon.Value.Simulate, registry, _logger);
        var runs = new List<Task>();
        foreach (var reader in options.Value.EvdevReaders)
        {
            var device = new EvdevCardReader(reader.Options, engine.SubmitAsync, time, loggerFactory.CreateLogger<EvdevCardReader>());
            registry.Started(reader.Id, reader.Kind, device);
            runs.Add(supervisor.Supervise(reader.Id, reader.Kind, device.RunAsync(stoppingToken)));
        }

        foreach (var keypad in options.Value.EvdevKeypads)
        {
            var device = new EvdevKeypad(keypad.Options, engine.SubmitAsync, time, loggerFactory.CreateLogger<EvdevKeypad>());
            registry.Started(keypad.Id, keypad.Kind, device);
            runs.Add(supervisor.Supervise(keypad.Id, keypad.Kind, device.RunAsync(stoppingToken)));
        }

        foreach (var reader in options.Value.NfcReaders)
        {
            if (modules.TryOpen(reader) is { } source)
            {
                Own(source);
                var poller = new NfcCardPoller(source, reader.Options, engine.SubmitAsync, time, loggerFactory.CreateLogger<NfcCardPoller>());
                registry.Started(reader.Id, reader.Kind, poller);
                runs.Add(supervisor.Supervise(reader.Id, reader.Kind, poller.RunAsync(stoppingToken)));
            }
        }

        try
        {
            await Task.WhenAll(runs).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        DisposeDevices();
    }

    public override void Dispose()
    {
        DisposeDevices();
        base.Dispose();
    }

    private void Own(IDisposable device)
    {
        lock (_owned)
        {
            _owned.Add(device);
        }
    }

    private void DisposeDevices()
    {
        lock (_owned)
        {
            foreach (var device in _owned)
            {
                device.Dispose();
            }

            _owned.Clear();
        }
    }
}
