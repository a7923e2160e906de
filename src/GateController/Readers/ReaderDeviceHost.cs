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
/// devices read on threads of their own (their <c>RunAsync</c>); matrix keypads scan on
/// <see cref="InputTimeProvider"/>'s thread over the daemon's <see cref="GpioController"/> (the simulated
/// one under <c>--simulate</c>). A device that fails to start is reported failed; the others carry on.
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
                lock (_owned)
                {
                    _owned.Add(scanner);
                }

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
        var runs = new List<Task>();
        foreach (var reader in options.Value.EvdevReaders)
        {
            var device = new EvdevCardReader(reader.Options, engine.SubmitAsync, time, loggerFactory.CreateLogger<EvdevCardReader>());
            registry.Started(reader.Id, reader.Kind, device);
            runs.Add(Supervise(reader.Id, reader.Kind, device.RunAsync(stoppingToken)));
        }

        foreach (var keypad in options.Value.EvdevKeypads)
        {
            var device = new EvdevKeypad(keypad.Options, engine.SubmitAsync, time, loggerFactory.CreateLogger<EvdevKeypad>());
            registry.Started(keypad.Id, keypad.Kind, device);
            runs.Add(Supervise(keypad.Id, keypad.Kind, device.RunAsync(stoppingToken)));
        }

        foreach (var reader in options.Value.NfcReaders)
        {
            if (TryOpen(reader) is { } source)
            {
                var poller = new NfcCardPoller(source, reader.Options, engine.SubmitAsync, time, loggerFactory.CreateLogger<NfcCardPoller>());
                registry.Started(reader.Id, reader.Kind, poller);
                runs.Add(Supervise(reader.Id, reader.Kind, poller.RunAsync(stoppingToken)));
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

    /// <summary>
    /// A device loop that dies of something its driver did not expect is reported failed and logged; it
    /// never takes the daemon, and with it the other readers, down.
    /// </summary>
    private async Task Supervise(string id, string kind, Task run)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The bindings under the NFC loop throw bare Exceptions; one dead device must not stop the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DeviceFailed(_logger, kind, id, exception);
            registry.Replace(id, kind, HealthState.Failed, $"stopped: {exception.Message}");
        }
    }

    /// <summary>Opens the module's bus; the bindings talk to the chip here, so "no module" surfaces now, for this reader only.</summary>
    private INfcUidSource? TryOpen(ConfiguredDevice<NfcReaderOptions> reader)
    {
        if (daemon.Value.Simulate)
        {
            registry.NotStarted(reader.Id, reader.Kind, HealthState.Disabled, "NFC modules are not simulated; the reader runs on the device only");
            return null;
        }

        try
        {
            INfcUidSource source = reader.Options.Module == NfcModule.Mfrc522Spi
                ? Mfrc522UidSource.Open(reader.Options, gpio)
                : Pn532UidSource.Open(reader.Options);
            lock (_owned)
            {
                _owned.Add(source);
            }

            return source;
        }
#pragma warning disable CA1031 // Iot.Device.Bindings' Pn532 throws a bare Exception ("Can't find a PN532"); any failure to open is this reader's alone.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DeviceFailed(_logger, reader.Kind, reader.Id, exception);
            registry.NotStarted(reader.Id, reader.Kind, HealthState.Failed, $"{reader.Options.Module} could not be opened: {exception.Message}");
            return null;
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
