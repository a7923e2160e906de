using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Relay;

/// <summary>
/// The lock relay output of a door (<c>Relay</c> for door 1, <c>Door2:Relay</c> for door 2). The pulse
/// time is the door's (<c>Door:HoldOpenDuration</c>), not the relay's.
/// </summary>
public sealed class RelayOptions
{
    public const string Section = "Relay";

    /// <summary>BCM GPIO 17 (header pin 11): free on both the Raspberry Pi and the Jetson 40-pin header.</summary>
    public const int DefaultPin = 17;

    public const RelayActiveLevel DefaultActiveLevel = RelayActiveLevel.High;

    [Range(0, 1023, ErrorMessage = "Pin must be a GPIO line number from 0 to 1023 (BCM numbering on a Raspberry Pi).")]
    public int Pin { get; set; } = DefaultPin;

    [EnumDataType(typeof(RelayActiveLevel), ErrorMessage = "ActiveLevel must be High or Low.")]
    public RelayActiveLevel ActiveLevel { get; set; } = DefaultActiveLevel;

    /// <summary>Fail-secure (strike: energise to unlock) by default; a maglock is fail-safe (energise to lock).</summary>
    [EnumDataType(typeof(RelayLockType), ErrorMessage = "LockType must be FailSecure (energise to unlock) or FailSafe (energise to lock).")]
    public RelayLockType LockType { get; set; } = RelayLockType.FailSecure;

    /// <summary>The pin level that holds the door locked.</summary>
    public System.Device.Gpio.PinValue LockedLevel => Energised(LockType == RelayLockType.FailSafe);

    /// <summary>The pin level that releases the lock.</summary>
    public System.Device.Gpio.PinValue UnlockedLevel => Energised(LockType == RelayLockType.FailSecure);

    private System.Device.Gpio.PinValue Energised(bool energised) =>
        energised == (ActiveLevel == RelayActiveLevel.High) ? System.Device.Gpio.PinValue.High : System.Device.Gpio.PinValue.Low;
}

[OptionsValidator]
public sealed partial class RelayOptionsValidator : IValidateOptions<RelayOptions>;
