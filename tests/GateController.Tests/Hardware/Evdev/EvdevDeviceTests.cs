using GateController.Core.Access;
using GateController.Core.Health;
using GateController.Hardware.Evdev;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static GateController.Tests.Hardware.Evdev.InputEventRecords;

namespace GateController.Tests.Hardware.Evdev;

/// <summary>The evdev readers end to end through a real file descriptor: a FIFO or a recording stands in for the device node.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EvdevDeviceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly TempDevice _device = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<AccessAttempt> _attempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _device.Dispose();
    }

    private Task Submit(AccessAttempt attempt)
    {
        _attempt.TrySetResult(attempt);
        return Task.CompletedTask;
    }

    [Test]
    public async Task Keys_typed_into_a_FIFO_become_one_PIN_attempt_stamped_at_Enter()
    {
        _device.MakeFifo();
        var keypad = new EvdevKeypad(new EvdevKeypadOptions { Id = "lobby-pad", DevicePath = _device.Path }, Submit, _time, NullLogger<EvdevKeypad>.Instance);
        var run = keypad.RunAsync(_stop.Token);
        var writer = new FileStream(_device.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        AccessAttempt attempt;
        await using (writer.ConfigureAwait(false))
        {
            var stream = TypeOnKeypad("9*2580\n");
            // Two writes that cut a record in half, as a short read would.
            await writer.WriteAsync(stream.AsMemory(0, 100)).ConfigureAwait(false);
            await writer.WriteAsync(stream.AsMemory(100)).ConfigureAwait(false);
            attempt = await _attempt.Task.WaitAsync(Patience).ConfigureAwait(false);
            Assert.That(keypad.GetStatus().State, Is.EqualTo(HealthState.Healthy));
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await run.WaitAsync(Patience).ConfigureAwait(false);
        Assert.That(attempt.ReaderId, Is.EqualTo("lobby-pad"));
        Assert.That(attempt.PresentedTimestamp, Is.EqualTo(_time.GetTimestamp()));
        var pin = (PinCredential)attempt.Credential;
        Assert.That(pin.Digits.ToString(), Is.EqualTo("2580"), "'*' cleared the 9");
        Assert.That(keypad.PinsSubmitted, Is.EqualTo(1));
    }

    [Test]
    public async Task A_wedge_reader_swipe_becomes_one_raw_card_attempt()
    {
        await File.WriteAllBytesAsync(_device.Path, Type("0012345678\n")).ConfigureAwait(false);
        var reader = new EvdevCardReader(new EvdevCardReaderOptions { Id = "garage", DevicePath = _device.Path }, Submit, _time, NullLogger<EvdevCardReader>.Instance);

        var run = reader.RunAsync(_stop.Token);
        var attempt = await _attempt.Task.WaitAsync(Patience).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await run.WaitAsync(Patience).ConfigureAwait(false);

        var card = ((CardCredential)attempt.Credential).Card;
        Assert.That((attempt.ReaderId, card.Format, card.BitCount, card.RawBits), Is.EqualTo(("garage", "Raw", 32, 12345678ul)));
        Assert.That(reader.CardsRead, Is.EqualTo(1));
    }

    [Test]
    public async Task A_missing_device_reports_degraded_and_is_opened_once_it_appears()
    {
        var options = new EvdevCardReaderOptions { Id = "garage", DevicePath = _device.Path, OutputFormat = WedgeCardFormat.Hex };
        var reader = new EvdevCardReader(options, Submit, _time, NullLogger<EvdevCardReader>.Instance);
        var run = reader.RunAsync(_stop.Token);

        Assert.That(SpinWait.SpinUntil(() => (long)reader.GetStatus().Facts["reconnects"] >= 1, Patience), Is.True);
        Assert.That(reader.GetStatus().State, Is.EqualTo(HealthState.Degraded));
        await File.WriteAllBytesAsync(_device.Path, Type("04A1B2C3\n")).ConfigureAwait(false);
        // The backoff waits on the fake clock: move it on until the reader has reopened the device.
        Assert.That(SpinWait.SpinUntil(() =>
        {
            _time.Advance(options.MaximumReconnectDelay);
            return _attempt.Task.IsCompleted;
        }, Patience), Is.True);

        var card = ((CardCredential)(await _attempt.Task.ConfigureAwait(false)).Credential).Card;
        Assert.That((card.BitCount, card.RawBits), Is.EqualTo((32, 0x04A1B2C3ul)));
        await _stop.CancelAsync().ConfigureAwait(false);
        await run.WaitAsync(Patience).ConfigureAwait(false);
    }

    [Test]
    public void A_fragment_older_than_the_character_timeout_is_dropped()
    {
        var reader = new EvdevCardReader(new EvdevCardReaderOptions { Id = "garage", DevicePath = _device.Path }, Submit, _time, NullLogger<EvdevCardReader>.Instance);
        foreach (var c in "99999")
        {
            reader.OnCharacter(c);
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        foreach (var c in "0012345678\n")
        {
            reader.OnCharacter(c);
        }

        var card = ((CardCredential)_attempt.Task.Result.Credential).Card;
        Assert.That(card.RawBits, Is.EqualTo(12345678ul));
    }

    [Test]
    public void An_over_long_entry_is_rejected_rather_than_truncated()
    {
        var reader = new EvdevCardReader(new EvdevCardReaderOptions { Id = "garage", DevicePath = _device.Path }, Submit, _time, NullLogger<EvdevCardReader>.Instance);
        foreach (var c in new string('1', 30) + "\n")
        {
            reader.OnCharacter(c);
        }

        Assert.That((_attempt.Task.IsCompleted, reader.CardsRejected), Is.EqualTo((false, 1L)));
    }
}
