using System.Device.Gpio;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Options;

namespace GateController.Door;

/// <summary>
/// The lock relay lines of every door, requested at their locked level. Resolved first thing after the
/// host is built (<see cref="DoorHostingExtensions.LockDoorsFirst"/>), before the store opens or any reader,
/// camera or hosted service starts, so nothing can run while a relay line is still unclaimed.
/// </summary>
internal sealed class DoorRelays(GpioController gpio, IOptions<DoorsOptions> options, ILoggerFactory loggerFactory)
{
    private readonly Dictionary<int, GpioRelayOutput> _relays = options.Value.Doors.ToDictionary(
        d => d.Number,
        d => new GpioRelayOutput(gpio, d.Relay, loggerFactory.CreateLogger<GpioRelayOutput>()));

    public GpioRelayOutput For(int door) => _relays[door];
}
