using System.Device.Gpio;
using System.Device.Spi;
using Iot.Device.Mfrc522;

namespace GateController.Hardware.Nfc;

/// <summary>
/// Thin adapter over Iot.Device.Bindings' <see cref="MfRc522"/> on SPI. Untested here: it needs the chip
/// (the binding talks to it in its constructor); everything above it is tested through <see cref="INfcUidSource"/>.
/// </summary>
public sealed class Mfrc522UidSource : INfcUidSource
{
    /// <summary>The MFRC522 runs SPI up to 10 MHz (datasheet §8.1.2); 1 MHz is reliable on jumper wires.</summary>
    public const int SpiClockFrequency = 1_000_000;

    /// <summary>Listen a little shorter than the default poll interval, so a poll never overruns it.</summary>
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromMilliseconds(50);

    private readonly SpiDevice _spi;
    private readonly MfRc522 _reader;

    /// <param name="spi">The SPI device the module is on (mode 0).</param>
    /// <param name="resetPin">GPIO line on RST, or -1.</param>
    /// <param name="gpio">Controller for <paramref name="resetPin"/>, or null without one.</param>
    public Mfrc522UidSource(SpiDevice spi, int resetPin = -1, GpioController? gpio = null)
    {
        ArgumentNullException.ThrowIfNull(spi);
        _spi = spi;
        _reader = new MfRc522(spi, resetPin, gpio, shouldDispose: false);
    }

    /// <summary>Opens the SPI device named by <paramref name="options"/> at the module's settings.</summary>
    public static Mfrc522UidSource Open(NfcReaderOptions options, GpioController? gpio)
    {
        ArgumentNullException.ThrowIfNull(options);
        var spi = SpiDevice.Create(new SpiConnectionSettings(options.SpiBusId, options.SpiChipSelect)
        {
            ClockFrequency = SpiClockFrequency,
            Mode = SpiMode.Mode0,
        });
        return new Mfrc522UidSource(spi, options.ResetPin, options.ResetPin >= 0 ? gpio : null);
    }

    public bool TryReadUid(Span<byte> uid, out int length)
    {
        length = 0;
        if (!_reader.ListenToCardIso14443TypeA(out var card, ListenTimeout) || card.NfcId is not { Length: > 0 } id || id.Length > uid.Length)
        {
            return false;
        }

        id.CopyTo(uid);
        length = id.Length;
        return true;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _spi.Dispose();
    }
}
