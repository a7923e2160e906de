using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Hardware.Matrix;
using GateController.Tests.Hardware.Evdev;
using GateController.Tests.Hardware.Matrix;
using static GateController.Tests.Hardware.Evdev.InputEventRecords;

namespace GateController.Tests.Readers;

/// <summary>Keypads of the new kinds through the daemon's host pieces to a decision, the relay and the feedback lines.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReaderDeviceHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_PIN_typed_on_an_evdev_keypad_is_granted_opens_the_relay_and_lights_its_green_LED()
    {
        using var device = new TempDevice();
        device.MakeFifo();
        var options = AccessPointValidationTests.Bind(
            ("Keypads:0:Id", "lobby-pad"), ("Keypads:0:Kind", "evdev"), ("Keypads:0:DevicePath", device.Path),
            ("Keypads:0:Feedback:GreenLed:Pin", "22"), ("Keypads:0:Feedback:RedLed:Pin", "27"), ("Keypads:0:Feedback:Beeper:Pin", "4"));
        using var rig = new ReaderRig(options);
        rig.Directory.SetPin("alice", "4711");

        await rig.DeviceHost.StartAsync(CancellationToken.None).ConfigureAwait(false);
        var writer = new FileStream(device.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        Task stopped;
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(TypeOnKeypad("4711\n")).ConfigureAwait(false);
            var decision = rig.NextEvent(Patience);

            Assert.That((decision.Reader, decision.Method, decision.Result, decision.Person), Is.EqualTo(("lobby-pad", AccessMethod.Pin, AccessResult.Granted, "alice")));
            var status = (IReadOnlyDictionary<string, object>)rig.Status.GetStatus().Facts["lobby-pad"];
            Assert.That((status["kind"], status["state"], status["pinsSubmitted"]), Is.EqualTo(("evdev", "running", 1L)));
            stopped = rig.DeviceHost.StopAsync(CancellationToken.None);
        }

        // Closing the writer ends the FIFO's pending read, so the stopped loop can finish.
        await stopped.WaitAsync(Patience).ConfigureAwait(false);
        Assert.That(rig.WasWritten(ReaderRig.RelayPin, PinValue.High), Is.True, "the relay opened");
        Assert.That(rig.WasWritten(22, PinValue.High), Is.True, "green LED on");
        Assert.That(rig.WasWritten(4, PinValue.High), Is.True, "one beep");
        Assert.That(rig.WasWritten(27, PinValue.High), Is.False, "the red LED stays off");
    }

    [Test]
    public async Task A_PIN_pressed_on_a_matrix_keypad_over_the_simulated_chip_is_decided_with_feedback()
    {
        int[] rows = [5, 6, 13, 19];
        int[] columns = [12, 16, 20];
        var options = AccessPointValidationTests.Bind(
            ("Keypads:0:Id", "gate-pad"), ("Keypads:0:Kind", "matrix"),
            ("Keypads:0:RowPins:0", "5"), ("Keypads:0:RowPins:1", "6"), ("Keypads:0:RowPins:2", "13"), ("Keypads:0:RowPins:3", "19"),
            ("Keypads:0:ColumnPins:0", "12"), ("Keypads:0:ColumnPins:1", "16"), ("Keypads:0:ColumnPins:2", "20"),
            ("Keypads:0:Feedback:GreenLed:Pin", "22"), ("Keypads:0:Feedback:RedLed:Pin", "27"));
        using var rig = new ReaderRig(options);
        using var wiring = new MatrixWiring(rig.Driver, rows, columns);
        rig.Directory.SetPin("alice", "4711");
        await rig.DeviceHost.StartAsync(CancellationToken.None).ConfigureAwait(false);

        // Phone layout: 1 at (0,0), 4 at (1,0), 7 at (2,0), # at (3,2).
        // 1111# (wrong), then 4711# (alice's).
        foreach (var (row, column) in new[] { (0, 0), (0, 0), (0, 0), (0, 0), (3, 2) })
        {
            Tap(rig, wiring, row, column);
        }

        var denied = rig.NextEvent(Patience);
        Assert.That(rig.WasWritten(27, PinValue.High), Is.True, "red LED after the denial");
        foreach (var (row, column) in new[] { (1, 0), (2, 0), (0, 0), (0, 0), (3, 2) })
        {
            Tap(rig, wiring, row, column);
        }

        var granted = rig.NextEvent(Patience);
        await rig.DeviceHost.StopAsync(CancellationToken.None).ConfigureAwait(false);

        Assert.That((denied.Reader, denied.Result), Is.EqualTo(("gate-pad", AccessResult.Denied)));
        Assert.That((granted.Reader, granted.Result, granted.Person), Is.EqualTo(("gate-pad", AccessResult.Granted, "alice")));
        Assert.That(rig.WasWritten(ReaderRig.RelayPin, PinValue.High), Is.True);
        Assert.That(rig.WasWritten(22, PinValue.High), Is.True, "green LED after the grant");
    }

    /// <summary>Holds a key for 60 ms of scans and releases it for 60 ms: well past the 20 ms debounce.</summary>
    private static void Tap(ReaderRig rig, MatrixWiring wiring, int row, int column)
    {
        wiring.Hold(row, column);
        Scan(rig, TimeSpan.FromMilliseconds(60));
        wiring.Release(row, column);
        Scan(rig, TimeSpan.FromMilliseconds(60));
    }

    private static void Scan(ReaderRig rig, TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += MatrixKeypadOptions.DefaultScanInterval)
        {
            rig.Time.Advance(MatrixKeypadOptions.DefaultScanInterval);
        }
    }
}
