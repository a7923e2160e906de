using System.ComponentModel.DataAnnotations;
using GateController.Core.Credentials;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Wiegand;

/// <summary>One Wiegand reader (one entry of <c>readers[]</c>): its two data lines, frame timing and formats.</summary>
public sealed class WiegandReaderOptions
{
    public static readonly TimeSpan DefaultFrameGap = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// A quarter of the 200 µs minimum bit interval of the SIA/HID timing: our edge timestamps are taken
    /// in user space and a late callback can bunch edges the wire kept 2 ms apart.
    /// </summary>
    public static readonly TimeSpan DefaultMinimumPulseInterval = TimeSpan.FromMicroseconds(50);

    public static readonly TimeSpan DefaultRejectionLogInterval = TimeSpan.FromSeconds(10);

    [Required(ErrorMessage = "readers[]:Id is required: it names the reader in events.")]
    public string Id { get; set; } = "";

    [Range(0, 1023, ErrorMessage = "readers[]:Data0Pin must be a GPIO line number from 0 to 1023.")]
    public int Data0Pin { get; set; }

    [Range(0, 1023, ErrorMessage = "readers[]:Data1Pin must be a GPIO line number from 0 to 1023.")]
    public int Data1Pin { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:00.500", ErrorMessage = "readers[]:FrameGap must be between 00:00:00.005 and 00:00:00.500.")]
    public TimeSpan FrameGap { get; set; } = DefaultFrameGap;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.002", ErrorMessage = "readers[]:MinimumPulseInterval must be between 00:00:00 and 00:00:00.002.")]
    public TimeSpan MinimumPulseInterval { get; set; } = DefaultMinimumPulseInterval;

    /// <summary>Enabled card formats in priority order: H10301, H10306, C1000, H10304, H10302, RawN.</summary>
    public IList<string> Formats { get; init; } = ["H10301", "H10306", "C1000", "H10304"];

    /// <summary>Use the SoC's pull-ups on D0/D1 (the lines idle high). Turn off when a level shifter pulls them up.</summary>
    public bool PullUp { get; set; } = true;

    /// <summary>How the reader's keypad, if any, sends keys.</summary>
    [EnumDataType(typeof(WiegandKeypadMode), ErrorMessage = "readers[]:KeypadMode must be None, FourBitPerKey or EightBitPerKey.")]
    public WiegandKeypadMode KeypadMode { get; set; } = WiegandKeypadMode.None;

    /// <summary>Name of the keypad in events and lockout; defaults to the reader's <see cref="Id"/>.</summary>
    public string? KeypadId { get; set; }

    [ValidateObjectMembers]
    public PinEntryOptions PinEntry { get; set; } = new();

    /// <summary>At most one rejected-frame warning per interval per reader; a loose cable must not flood the journal.</summary>
    public TimeSpan RejectionLogInterval { get; set; } = DefaultRejectionLogInterval;
}

[OptionsValidator]
public sealed partial class WiegandReaderOptionsValidator : IValidateOptions<WiegandReaderOptions>;
