using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Hardware.Gpio;
using GateController.Hardware.Matrix;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Hardware.Matrix;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class MatrixKeypadTests : IDisposable
{
    private static readonly int[] Rows = [5, 6, 13, 19];
    private static readonly int[] Columns = [12, 16, 20, 21];
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _gpio;
    private readonly MatrixWiring _wiring;
    private readonly List<AccessAttempt> _attempts = [];

    public MatrixKeypadTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
        _wiring = new MatrixWiring(_driver, Rows, Columns);
    }

    public void Dispose()
    {
        _wiring.Dispose();
        _gpio.Dispose();
    }

    private MatrixKeypad Keypad(int columns = 4) => new(
        _gpio,
        new MatrixKeypadOptions { Id = "lobby", RowPins = [.. Rows], ColumnPins = [.. Columns.Take(columns)] },
        attempt =>
        {
            _attempts.Add(attempt);
            return Task.CompletedTask;
        },
        _time,
        NullLogger<MatrixKeypad>.Instance);

    /// <summary>Scans for <paramref name="duration"/>, one scan interval at a time.</summary>
    private void Scan(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += MatrixKeypadOptions.DefaultScanInterval)
        {
            _time.Advance(MatrixKeypadOptions.DefaultScanInterval);
        }
    }

    private void Tap(int row, int column, out long firstSeen)
    {
        _wiring.Hold(row, column);
        firstSeen = _time.GetTimestamp() + (long)(MatrixKeypadOptions.DefaultScanInterval.TotalSeconds * _time.TimestampFrequency);
        Scan(TimeSpan.FromMilliseconds(60));
        _wiring.Release(row, column);
        Scan(TimeSpan.FromMilliseconds(60));
    }

    [Test]
    public void Held_keys_on_a_4x4_pad_become_a_PIN_stamped_when_the_hash_key_was_first_seen()
    {
        using var keypad = Keypad();
        (int Row, int Column)[] keys = [(0, 1), (1, 1), (2, 2), (3, 1)]; // 2 5 9 0
        foreach (var (row, column) in keys)
        {
            Tap(row, column, out _);
        }

        Tap(3, 2, out var hashSeen); // '#'

        var attempt = _attempts.Single();
        Assert.That(((PinCredential)attempt.Credential).Digits.ToString(), Is.EqualTo("2590"));
        Assert.That((attempt.ReaderId, attempt.PresentedTimestamp), Is.EqualTo(("lobby", hashSeen)));
        Assert.That(keypad.KeysPressed, Is.EqualTo(5));
    }

    [Test]
    public void Contact_bounce_shorter_than_the_debounce_time_is_not_a_key()
    {
        using var keypad = Keypad();
        for (var bounce = 0; bounce < 3; bounce++)
        {
            _wiring.Hold(0, 0);
            Scan(TimeSpan.FromMilliseconds(10));
            _wiring.Release(0, 0);
            Scan(TimeSpan.FromMilliseconds(5));
        }

        Scan(TimeSpan.FromMilliseconds(100));
        Assert.That(keypad.KeysPressed, Is.Zero);
    }

    [Test]
    public void A_3x4_pad_uses_the_phone_layout()
    {
        using var keypad = Keypad(columns: 3);
        foreach (var (row, column) in new[] { (2, 0), (2, 1), (2, 2), (0, 0), (3, 0), (1, 0), (1, 1), (1, 2), (0, 2), (3, 2) })
        {
            Tap(row, column, out _); // 7 8 9 1 * 4 5 6 3 #
        }

        Assert.That(((PinCredential)_attempts.Single().Credential).Digits.ToString(), Is.EqualTo("4563"));
    }

    [Test]
    public void A_layout_that_does_not_match_the_pins_is_refused()
    {
        var options = new MatrixKeypadOptions { Id = "lobby", RowPins = [.. Rows], ColumnPins = [.. Columns], Keys = ["123", "456", "789", "*0#"] };

        Assert.That(
            () => new MatrixKeypad(_gpio, options, _ => Task.CompletedTask, _time, NullLogger<MatrixKeypad>.Instance),
            Throws.ArgumentException.With.Message.Contains("4×3"));
    }

    [Test]
    public void Rows_idle_low_between_scans()
    {
        using var keypad = Keypad();
        Scan(TimeSpan.FromMilliseconds(20));

        Assert.That(Rows.Select(_driver.ValueOf), Is.All.EqualTo(PinValue.Low));
    }
}
