using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Evdev;

/// <summary>A USB keyboard-wedge card reader (one entry of <c>readers[]</c> with a device path).</summary>
public sealed class EvdevCardReaderOptions : EvdevDeviceOptions
{
    /// <summary>A decimal wedge number is most often the 4-byte UID of a MIFARE/EM card.</summary>
    public const int DefaultDecimalBitCount = 32;

    /// <summary>A reader types a whole card in about 50 ms (10 digits at HID polling rate); a second means a fragment.</summary>
    public static readonly TimeSpan DefaultCharacterTimeout = TimeSpan.FromSeconds(1);

    [EnumDataType(typeof(WedgeCardFormat), ErrorMessage = "Evdev reader OutputFormat must be Decimal or Hex.")]
    public WedgeCardFormat OutputFormat { get; set; } = WedgeCardFormat.Decimal;

    /// <summary>How many bits the decimal number stands for (the enrolment's raw bit count).</summary>
    [Range(1, 64, ErrorMessage = "Evdev reader DecimalBitCount must be between 1 and 64.")]
    public int DecimalBitCount { get; set; } = DefaultDecimalBitCount;

    /// <summary>Characters older than this before Enter are a fragment (a half-read card) and are dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10", ErrorMessage = "Evdev reader CharacterTimeout must be between 00:00:00.050 and 00:00:10.")]
    public TimeSpan CharacterTimeout { get; set; } = DefaultCharacterTimeout;
}

[OptionsValidator]
public sealed partial class EvdevCardReaderOptionsValidator : IValidateOptions<EvdevCardReaderOptions>;
