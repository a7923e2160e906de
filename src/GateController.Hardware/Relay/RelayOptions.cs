using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Relay;

/// <summary>The lock relay output. The hold-open time is the door's (<c>Door:HoldOpenDuration</c>), not the relay's.</summary>
public sealed class RelayOptions
{
    public const string Section = "Relay";

    /// <summary>BCM GPIO 17 (header pin 11): free on both the Raspberry Pi and the Jetson 40-pin header.</summary>
    public const int DefaultPin = 17;

    public const RelayActiveLevel DefaultActiveLevel = RelayActiveLevel.High;

    [Range(0, 1023, ErrorMessage = "Relay:Pin must be a GPIO line number from 0 to 1023 (BCM numbering on a Raspberry Pi).")]
    public int Pin { get; set; } = DefaultPin;

    [EnumDataType(typeof(RelayActiveLevel), ErrorMessage = "Relay:ActiveLevel must be High or Low.")]
    public RelayActiveLevel ActiveLevel { get; set; } = DefaultActiveLevel;
}

[OptionsValidator]
public sealed partial class RelayOptionsValidator : IValidateOptions<RelayOptions>;
