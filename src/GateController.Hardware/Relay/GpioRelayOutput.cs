using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Hardware.Gpio;
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
    private readonly RelayOptions _options;
    private readonly ILogger<GpioRelayOutput> _logger;
    private bool _claimed;

    /// <summary>
    /// Requests the line at its locked level. A line that cannot be had now (the chip is missing, another process
    /// holds it) does not throw: the first <see cref="Drive"/> tries again and throws, so the door controller raises
    /// <c>relayFault</c>, reports the door failed and retries, while the other door, cards and PINs carry on.
    /// </summary>
    public GpioRelayOutput(GpioController gpio, RelayOptions options, ILogger<GpioRelayOutput> logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        _gpio = gpio;
        _options = options;
        _logger = logger;
        _pin = options.Pin;
        _locked = options.LockedLevel;
        _unlocked = options.UnlockedLevel;
        try
        {
            Claim();
        }
        catch (Exception exception) when (GpioLines.IsLineFailure(exception))
        {
            Log.ClaimFailed(logger, _pin, exception.Message);
        }
    }

    public int Pin => _pin;

    public void Drive(bool unlocked)
    {
        if (!_claimed)
        {
            Claim();
        }

        _gpio.Write(_pin, unlocked ? _unlocked : _locked);
    }

    private void Claim()
    {
        GpioLines.Open(_gpio, _pin, PinMode.Output, _locked);
        _claimed = true;
        Log.Ready(_logger, _pin, _options.ActiveLevel, _options.LockType, _locked == PinValue.High ? "high" : "low");
    }
}
