using GateController.Core.Door;
using GateController.Core.Health;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Options;

namespace GateController.Door;

internal sealed class DoorStatus(IDoorRelay relay, IOptions<RelayOptions> options) : ISubsystemStatusSource
{
    public SubsystemStatus GetStatus() => SubsystemStatus.Of(
        "door",
        HealthState.Healthy,
        relay.IsUnlocked ? "unlocked" : "locked",
        ("relay", relay.IsUnlocked ? "energised" : "released"),
        ("unlocked", relay.IsUnlocked),
        ("pulses", relay.PulseCount),
        ("pin", options.Value.Pin),
        ("activeLevel", options.Value.ActiveLevel.ToString()));
}
