using System.Device.Gpio;
using GateController.Core.Health;
using GateController.Hardware.Nfc;

namespace GateController.Readers;

/// <summary>
/// Opens an NFC reader's module on its bus. The bindings talk to the chip here, so "no module" surfaces at
/// start, for this reader only; under <c>--simulate</c> no module is opened and the reader is disabled.
/// </summary>
/// <param name="gpio">The daemon's controller, for an MFRC522's reset line.</param>
/// <param name="logger">The device host's logger, so that event 4204 keeps the host's category.</param>
internal sealed class NfcModuleOpener(GpioController gpio, bool simulate, ReaderDeviceRegistry registry, ILogger logger)
{
    /// <returns>The open module, which the caller owns; null if the reader is not to run, already reported to the registry.</returns>
    public INfcUidSource? TryOpen(ConfiguredDevice<NfcReaderOptions> reader)
    {
        if (simulate)
        {
            registry.NotStarted(reader.Id, reader.Kind, HealthState.Disabled, "NFC modules are not simulated; the reader runs on the device only");
            return null;
        }

        try
        {
            return reader.Options.Module == NfcModule.Mfrc522Spi
                ? Mfrc522UidSource.Open(reader.Options, gpio)
                : Pn532UidSource.Open(reader.Options);
        }
#pragma warning disable CA1031 // Iot.Device.Bindings' Pn532 throws a bare Exception ("Can't find a PN532"); any failure to open is this reader's alone.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DeviceFailed(logger, reader.Kind, reader.Id, exception);
            registry.NotStarted(reader.Id, reader.Kind, HealthState.Failed, $"{reader.Options.Module} could not be opened: {exception.Message}");
            return null;
        }
    }
}
