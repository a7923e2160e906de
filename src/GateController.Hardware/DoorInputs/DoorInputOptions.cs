using GateController.Hardware.Relay;

namespace GateController.Hardware.DoorInputs;

/// <summary>
/// One door input (<c>Door:Contact</c>, <c>Door:Exit</c>, <c>Door:Fire</c>, <c>Door:Tamper</c>; <c>Door2:…</c>).
/// The default suits a dry contact to ground: pull-up, active low, so a cut wire reads inactive for the
/// exit button and the fire panel's relay is wired normally-closed where the fire code asks for it
/// (then set <c>ActiveLevel</c> to <c>High</c>: an open loop reads active and unlocks).
/// </summary>
public sealed class DoorInputOptions
{
    /// <summary>Door contacts and push buttons bounce for up to 20-30 ms; 50 ms is inaudible to a person.</summary>
    public static readonly TimeSpan DefaultDebounceDuration = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan MaximumDebounceDuration = TimeSpan.FromSeconds(1);

    /// <summary>The GPIO line (BCM numbering on a Raspberry Pi).</summary>
    public int Pin { get; set; } = -1;

    /// <summary>The level that means active (door open, button pressed, alarm on, enclosure open).</summary>
    public RelayActiveLevel ActiveLevel { get; set; } = RelayActiveLevel.Low;

    public InputPull Pull { get; set; } = InputPull.Up;

    public TimeSpan DebounceDuration { get; set; } = DefaultDebounceDuration;
}
