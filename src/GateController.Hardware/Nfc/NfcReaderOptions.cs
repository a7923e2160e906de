using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Nfc;

/// <summary>An NFC/RFID module (one entry of <c>readers[]</c> with a <c>Module</c>).</summary>
public sealed class NfcReaderOptions
{
    /// <summary>10 polls a second: a card is seen within 100 ms of entering the field, and the bus stays mostly idle.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A card held on the reader, or lifted and laid down again within 2 s, is one presentation.</summary>
    public static readonly TimeSpan DefaultRepeatWindow = TimeSpan.FromSeconds(2);

    /// <summary>After a bus error, wait this long before polling again, so a dead module does not flood the log.</summary>
    public static readonly TimeSpan DefaultErrorRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The PN532's fixed 7-bit I2C address (datasheet §7.2.5).</summary>
    public const int DefaultPn532I2cAddress = 0x24;

    [Required(ErrorMessage = "readers[]:Id is required: it names the reader in events.")]
    public string Id { get; set; } = "";

    [EnumDataType(typeof(NfcModule), ErrorMessage = "readers[]:Module must be Mfrc522Spi, Pn532I2c or Pn532Uart.")]
    public NfcModule Module { get; set; } = NfcModule.Mfrc522Spi;

    [Range(0, 15, ErrorMessage = "readers[]:SpiBusId must be between 0 and 15.")]
    public int SpiBusId { get; set; }

    [Range(0, 15, ErrorMessage = "readers[]:SpiChipSelect must be between 0 and 15.")]
    public int SpiChipSelect { get; set; }

    /// <summary>GPIO line wired to the MFRC522's RST, or -1 when RST is tied high.</summary>
    [Range(-1, 1023, ErrorMessage = "readers[]:ResetPin must be a GPIO line number, or -1 for none.")]
    public int ResetPin { get; set; } = -1;

    [Range(0, 15, ErrorMessage = "readers[]:I2cBusId must be between 0 and 15.")]
    public int I2cBusId { get; set; } = 1;

    [Range(0x08, 0x77, ErrorMessage = "readers[]:I2cAddress must be a 7-bit address between 0x08 and 0x77.")]
    public int I2cAddress { get; set; } = DefaultPn532I2cAddress;

    /// <summary>Serial device for <see cref="NfcModule.Pn532Uart"/>, e.g. <c>/dev/serial0</c>.</summary>
    public string SerialPort { get; set; } = "/dev/serial0";

    [Range(typeof(TimeSpan), "00:00:00.020", "00:00:02", ErrorMessage = "readers[]:PollInterval must be between 00:00:00.020 and 00:00:02.")]
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "readers[]:RepeatWindow must be between 00:00:00 and 00:01:00.")]
    public TimeSpan RepeatWindow { get; set; } = DefaultRepeatWindow;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "readers[]:ErrorRetryDelay must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan ErrorRetryDelay { get; set; } = DefaultErrorRetryDelay;
}

[OptionsValidator]
public sealed partial class NfcReaderOptionsValidator : IValidateOptions<NfcReaderOptions>;
