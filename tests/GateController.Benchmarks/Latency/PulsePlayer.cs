using System.Device.Gpio;
using System.Diagnostics;
using GateController.Hardware.Gpio;
using GateController.Hardware.Wiegand;

namespace GateController.Benchmarks.Latency;

/// <summary>
/// Plays Wiegand pulses into the simulated chip on the calling thread with the reader's own timing
/// (50 µs pulses every 2 ms): it sleeps until about a millisecond and a half before each edge, then
/// spins, which keeps edges within tens of microseconds of their time where the thread pool's timers
/// (the daemon's <see cref="WiegandTransmitter"/>) are a millisecond coarse. Each wait counts from the
/// edge really sent before it: when this thread is preempted it must not catch up by sending pulses
/// back to back, which the listener rightly rejects as noise.
/// </summary>
internal static class PulsePlayer
{
    private static readonly long SleepMargin = Stopwatch.Frequency / 1000 * 3 / 2;

    public static void Play(SimulatedGpioDriver driver, int data0Pin, int data1Pin, WiegandFrame frame)
    {
        long? previousFalling = null;
        var previousFallingAt = TimeSpan.Zero;
        foreach (var pulse in WiegandEncoder.ToPulseTrain(frame))
        {
            var pin = pulse.Line == WiegandLine.Data0 ? data0Pin : data1Pin;
            if (previousFalling is { } sent)
            {
                WaitUntil(sent + Ticks(pulse.FallingAt - previousFallingAt));
            }

            driver.SimulateEdge(pin, PinEventTypes.Falling);
            // Stamped after the listener has taken the edge, so a preemption in between cannot squeeze the next interval.
            var falling = Stopwatch.GetTimestamp();
            WaitUntil(falling + Ticks(pulse.RisingAt - pulse.FallingAt));
            driver.SimulateEdge(pin, PinEventTypes.Rising);
            previousFalling = falling;
            previousFallingAt = pulse.FallingAt;
        }
    }

    private static long Ticks(TimeSpan offset) => (long)(offset.TotalSeconds * Stopwatch.Frequency);

    private static void WaitUntil(long timestamp)
    {
        while (timestamp - Stopwatch.GetTimestamp() > SleepMargin)
        {
            Thread.Sleep(1);
        }

        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < timestamp)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
