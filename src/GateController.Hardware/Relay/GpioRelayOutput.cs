using System.Device.Gpio;
using GateController.Core.Door;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Relay;

/// <summary>
/// The lock relay of one door on one GPIO line. The line is requested as an output with its locked level
/// as the initial value (libgpiod applies it in the request itself), so it never shows the unlocked level,
/// not even for the microseconds between "output" and "write": esp-rfid lost doors to exactly that glitch
/// on restart (esp-rfid #609, #162). What "locked" means at the pin follows the lock type and active level.
/// </summary>
public sealed class GpioRelayOutput : IRelayOutput
{
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly PinValue _locked;
    private readonly PinValue _unlocked;

    public GpioRelayOutput(GpioController gpio, RelayOptions options, ILogger<GpioRelayOutput> logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        _gpio = gpio;
        _pin = options.Pin;
        _locked = options.LockedLevel;
        _unlocked = options.UnlockedLevel;
        _gpio.OpenPin(_pin, PinMode.Output, _locked);
        Log.Ready(logger, _pin, options.ActiveLevel, options.LockType, _locked == PinValue.High ? "high" : "low");
    }

    public int Pin => _pin;

    public void Drive(bool unlocked) => _gpio.Write(_pin, unlocked ? _unlocked : _locked);
}
