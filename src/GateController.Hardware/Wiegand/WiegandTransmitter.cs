using System.Device.Gpio;
using GateController.Hardware.Gpio;

namespace GateController.Hardware.Wiegand;

/// <summary>
/// Plays a reader into the <see cref="SimulatedGpioDriver"/>: each bit as a falling then a rising edge on
/// D0 or D1, with the given pulse timing, so <c>--simulate</c> runs the whole decoding path. Delays go
/// through the <see cref="TimeProvider"/>; on Linux a real-time delay is about a millisecond coarse, so
/// simulated bits arrive every 2-3 ms, still well inside the 25 ms frame gap. Each wait is measured from
/// the edge actually sent before it, never from the start of the frame: a late timer must not be made
/// up by sending the following pulses back to back, which the listener rightly rejects as noise.
/// </summary>
public sealed class WiegandTransmitter(SimulatedGpioDriver driver, int data0Pin, int data1Pin, TimeProvider time)
{
    public async Task SendAsync(IReadOnlyList<WiegandPulseTiming> pulses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        long? previousFalling = null;
        var previousFallingAt = TimeSpan.Zero;
        foreach (var pulse in pulses)
        {
            if (previousFalling is { } sent)
            {
                await DelayUntil(sent, pulse.FallingAt - previousFallingAt, cancellationToken).ConfigureAwait(false);
            }

            var pin = pulse.Line == WiegandLine.Data0 ? data0Pin : data1Pin;
            driver.SimulateEdge(pin, PinEventTypes.Falling);
            // Stamped after the listener has taken the edge, so a preemption in between cannot squeeze the next interval.
            var falling = time.GetTimestamp();
            await DelayUntil(falling, pulse.RisingAt - pulse.FallingAt, cancellationToken).ConfigureAwait(false);
            driver.SimulateEdge(pin, PinEventTypes.Rising);
            previousFalling = falling;
            previousFallingAt = pulse.FallingAt;
        }
    }

    public Task SendAsync(WiegandFrame frame, CancellationToken cancellationToken) =>
        SendAsync(WiegandEncoder.ToPulseTrain(frame), cancellationToken);

    private Task DelayUntil(long since, TimeSpan offset, CancellationToken cancellationToken)
    {
        var wait = offset - time.GetElapsedTime(since);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
