using System.Device.Gpio;
using GateController.Hardware.Gpio;

namespace GateController.Hardware.Wiegand;

/// <summary>
/// Plays a reader into the <see cref="SimulatedGpioDriver"/>: each bit as a falling then a rising edge on
/// D0 or D1, with the given pulse timing, so <c>--simulate</c> runs the whole decoding path. Delays go
/// through the <see cref="TimeProvider"/>; on Linux a real-time delay is about a millisecond coarse, so
/// simulated bits arrive every 2-3 ms, still well inside the 25 ms frame gap.
/// </summary>
public sealed class WiegandTransmitter(SimulatedGpioDriver driver, int data0Pin, int data1Pin, TimeProvider time)
{
    public async Task SendAsync(IReadOnlyList<WiegandPulseTiming> pulses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        var started = time.GetTimestamp();
        foreach (var pulse in pulses)
        {
            await DelayUntil(started, pulse.FallingAt, cancellationToken).ConfigureAwait(false);
            var pin = pulse.Line == WiegandLine.Data0 ? data0Pin : data1Pin;
            driver.SimulateEdge(pin, PinEventTypes.Falling);
            await DelayUntil(started, pulse.RisingAt, cancellationToken).ConfigureAwait(false);
            driver.SimulateEdge(pin, PinEventTypes.Rising);
        }
    }

    public Task SendAsync(WiegandFrame frame, CancellationToken cancellationToken) =>
        SendAsync(WiegandEncoder.ToPulseTrain(frame), cancellationToken);

    private Task DelayUntil(long started, TimeSpan offset, CancellationToken cancellationToken)
    {
        var wait = offset - time.GetElapsedTime(started);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
