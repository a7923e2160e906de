using GateController.Hardware.Evdev;
using GateController.Hardware.Feedback;
using GateController.Hardware.Matrix;
using GateController.Hardware.Nfc;

namespace GateController.Tests.Hardware;

/// <summary>The source-generated validators of the reader, keypad and feedback options, including inherited and nested members.</summary>
public sealed class ReaderOptionsValidationTests
{
    [Test]
    public void An_evdev_reader_without_a_device_path_is_refused_by_its_inherited_rule()
    {
        var result = new EvdevCardReaderOptionsValidator().Validate(null, new EvdevCardReaderOptions { Id = "garage" });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("DevicePath"));
    }

    [Test]
    public void An_evdev_keypad_with_bad_PIN_entry_rules_is_refused()
    {
        var options = new EvdevKeypadOptions { Id = "pad", DevicePath = "/dev/input/by-id/x" };
        options.PinEntry.MaximumDigits = 40;

        Assert.That(new EvdevKeypadOptionsValidator().Validate(null, options).Failed, Is.True);
    }

    [Test]
    public void A_matrix_keypad_without_pins_is_refused_and_a_wired_one_is_accepted()
    {
        Assert.That(new MatrixKeypadOptionsValidator().Validate(null, new MatrixKeypadOptions { Id = "lobby" }).Failed, Is.True);
        var wired = new MatrixKeypadOptions { Id = "lobby", RowPins = [5, 6, 13, 19], ColumnPins = [12, 16, 20] };
        Assert.That(new MatrixKeypadOptionsValidator().Validate(null, wired).Succeeded, Is.True);
    }

    [Test]
    public void An_NFC_reader_with_an_out_of_range_I2C_address_is_refused() =>
        Assert.That(new NfcReaderOptionsValidator().Validate(null, new NfcReaderOptions { Id = "nfc", I2cAddress = 0x90 }).Failed, Is.True);

    [Test]
    public void A_feedback_line_with_a_bad_pin_is_refused()
    {
        var options = new FeedbackOptions { Beeper = new() { Pin = 5000 } };

        Assert.That(new FeedbackOptionsValidator().Validate(null, options).Failed, Is.True);
        Assert.That(new FeedbackOptionsValidator().Validate(null, new FeedbackOptions()).Succeeded, Is.True);
    }
}
