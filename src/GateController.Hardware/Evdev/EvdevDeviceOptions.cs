using System.ComponentModel.DataAnnotations;

namespace GateController.Hardware.Evdev;

/// <summary>What every evdev reader and keypad has: a name, a device node and its reconnect timing.</summary>
public abstract class EvdevDeviceOptions
{
    /// <summary>First wait after the device vanished (unplugged, re-enumerating); doubles up to the maximum.</summary>
    public static readonly TimeSpan DefaultReconnectDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan DefaultMaximumReconnectDelay = TimeSpan.FromSeconds(30);

    [Required(ErrorMessage = "Evdev Id is required: it names the reader or keypad in events.")]
    public string Id { get; set; } = "";

    /// <summary>A stable name such as <c>/dev/input/by-id/usb-XXX-event-kbd</c>, never <c>/dev/input/eventN</c>, which changes on replug.</summary>
    [Required(ErrorMessage = "Evdev DevicePath is required, e.g. /dev/input/by-id/usb-Sycreader_RFID-event-kbd.")]
    public string DevicePath { get; set; } = "";

    /// <summary>Take the device for ourselves (EVIOCGRAB) so its keystrokes never reach a console or login prompt.</summary>
    public bool Grab { get; set; } = true;

    [EnumDataType(typeof(InputEventLayout), ErrorMessage = "Evdev EventLayout must be Bits64 or Bits32.")]
    public InputEventLayout EventLayout { get; set; } = InputEventLayout.Bits64;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Evdev ReconnectDelay must be between 00:00:00.010 and 00:01:00.")]
    public TimeSpan ReconnectDelay { get; set; } = DefaultReconnectDelay;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Evdev MaximumReconnectDelay must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan MaximumReconnectDelay { get; set; } = DefaultMaximumReconnectDelay;
}
