using GateController.Core.Credentials;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Evdev;

/// <summary>A USB numeric keypad (one entry of <c>keypads[]</c> with a device path).</summary>
public sealed class EvdevKeypadOptions : EvdevDeviceOptions
{
    [ValidateObjectMembers]
    public PinEntryOptions PinEntry { get; set; } = new();
}

[OptionsValidator]
public sealed partial class EvdevKeypadOptionsValidator : IValidateOptions<EvdevKeypadOptions>;
