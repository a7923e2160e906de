using GateController.Core.Door;
using GateController.Hardware.DoorInputs;
using GateController.Hardware.Relay;

namespace GateController.Door;

/// <summary>One configured door: its timing, its relay and its wired inputs, with the keys they came from.</summary>
internal sealed class ConfiguredDoor
{
    public required int Number { get; init; }

    /// <summary><c>Door</c> for door 1, <c>Door2</c> for the second door or barrier.</summary>
    public required string Section { get; init; }

    /// <summary><c>Relay</c> for door 1 (the key it always had), <c>Door2:Relay</c> for door 2.</summary>
    public required string RelaySection { get; init; }

    public DoorOptions Timing { get; } = new();

    public RelayOptions Relay { get; } = new();

    /// <summary>The wired inputs; an input that is not configured is absent.</summary>
    public Dictionary<DoorInput, DoorInputOptions> Inputs { get; } = [];

    public static string InputKey(DoorInput input) => input.ToString();
}
