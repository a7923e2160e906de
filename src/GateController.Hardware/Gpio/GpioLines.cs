using System.Device.Gpio;

namespace GateController.Hardware.Gpio;

/// <summary>Requesting a line so that a failed request can simply be tried again.</summary>
public static class GpioLines
{
    /// <summary>
    /// Opens <paramref name="pin"/> in <paramref name="mode"/> (an output at <paramref name="initialValue"/>). If the
    /// request fails after the controller has registered the pin but before its mode is set, the pin is released
    /// again: a half-open line would make every later retry skip the request and fail for good.
    /// </summary>
    public static void Open(GpioController gpio, int pin, PinMode mode, PinValue? initialValue)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        try
        {
            if (initialValue is { } value)
            {
                gpio.OpenPin(pin, mode, value);
            }
            else
            {
                gpio.OpenPin(pin, mode);
            }
        }
        catch
        {
            ReleaseHalfOpen(gpio, pin);
            throw;
        }
    }

    /// <summary>What libgpiod and the kernel give for a line that is gone or held elsewhere; anything else is a bug.</summary>
    public static bool IsLineFailure(Exception exception) =>
        exception is IOException or InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception;

    private static void ReleaseHalfOpen(GpioController gpio, int pin)
    {
        if (!gpio.IsPinOpen(pin))
        {
            return;
        }

        try
        {
            gpio.ClosePin(pin);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            // The chip is gone: closing fails too, and the pin stays registered; the next request reports that.
        }
    }
}
