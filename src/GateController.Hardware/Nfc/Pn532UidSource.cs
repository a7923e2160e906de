using System.Device.I2c;
using Iot.Device.Pn532;
using Iot.Device.Pn532.ListPassive;

namespace GateController.Hardware.Nfc;

/// <summary>
/// Thin adapter over Iot.Device.Bindings' <see cref="Pn532"/> on I2C or a UART. Untested here: the binding
/// checks the firmware version in its constructor, so it needs the chip; the poller is tested through
/// <see cref="INfcUidSource"/>.
/// </summary>
public sealed class Pn532UidSource : INfcUidSource
{
    private readonly Pn532 _reader;
    private readonly IDisposable? _bus;

    /// <param name="i2c">The I2C device at the PN532's address (0x24).</param>
    public Pn532UidSource(I2cDevice i2c)
    {
        ArgumentNullException.ThrowIfNull(i2c);
        _bus = i2c;
        _reader = new Pn532(i2c);
    }

    /// <param name="serialPort">The UART the PN532 is on in HSU mode, e.g. <c>/dev/serial0</c>.</param>
    public Pn532UidSource(string serialPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialPort);
        _reader = new Pn532(serialPort);
    }

    /// <summary>Opens the bus named by <paramref name="options"/>.</summary>
    public static Pn532UidSource Open(NfcReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Module switch
        {
            NfcModule.Pn532I2c => new Pn532UidSource(I2cDevice.Create(new I2cConnectionSettings(options.I2cBusId, options.I2cAddress))),
            NfcModule.Pn532Uart => new Pn532UidSource(options.SerialPort),
            _ => throw new ArgumentException($"Reader '{options.Id}' is a {options.Module}, not a PN532.", nameof(options)),
        };
    }

    public bool TryReadUid(Span<byte> uid, out int length)
    {
        length = 0;
        var targets = _reader.ListPassiveTarget(MaxTarget.One, TargetBaudRate.B106kbpsTypeA);
        if (targets is not { Length: > 1 })
        {
            return false;
        }

        // The first byte is the number of targets found; the target data follows.
        var card = _reader.TryDecode106kbpsTypeA(targets.AsSpan(1));
        if (card?.NfcId is not { Length: > 0 } id || id.Length > uid.Length)
        {
            return false;
        }

        id.CopyTo(uid);
        length = id.Length;
        // Release it so the next poll finds the card afresh rather than as an activated target.
        _reader.ReleaseTarget(card.TargetNumber);
        return true;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _bus?.Dispose();
    }
}
