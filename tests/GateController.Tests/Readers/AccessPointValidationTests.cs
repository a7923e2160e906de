using GateController.Hardware.Nfc;
using GateController.Readers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GateController.Tests.Readers;

/// <summary>The evdev, NFC, matrix and feedback entries of <c>Readers[]</c>/<c>Keypads[]</c>: bound to their drivers' options, each problem under its key.</summary>
public sealed class AccessPointValidationTests
{
    internal static AccessPointOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new AccessPointOptions();
        options.Bind(configuration);
        return options;
    }

    /// <summary>Door 1 as configured by default on a device: the relay on GPIO 17, no inputs.</summary>
    private static GateController.Door.DoorsOptions DefaultDoors()
    {
        var doors = new GateController.Door.DoorsOptions();
        GateController.Door.DoorConfiguration.Bind(doors, new ConfigurationBuilder().Build(), simulate: false);
        return doors;
    }

    private static ValidateOptionsResult Validate(AccessPointOptions options) =>
        new AccessPointOptionsValidator(Options.Create(DefaultDoors())).Validate(null, options);

    [Test]
    public void Evdev_NFC_and_matrix_entries_with_feedback_bind_to_their_drivers_options_and_pass()
    {
        var options = Bind(
            ("Readers:0:Id", "garage-usb"), ("Readers:0:Kind", "evdev"), ("Readers:0:DevicePath", "/dev/input/by-id/usb-Reader-event-kbd"), ("Readers:0:OutputFormat", "Hex"),
            ("Readers:1:Id", "side-door"), ("Readers:1:Kind", "nfc"), ("Readers:1:Module", "Pn532I2c"), ("Readers:1:I2cBusId", "1"),
            ("Keypads:0:Id", "lobby"), ("Keypads:0:Kind", "matrix"), ("Keypads:0:Reader", "side-door"),
            ("Keypads:0:RowPins:0", "5"), ("Keypads:0:RowPins:1", "6"), ("Keypads:0:RowPins:2", "13"), ("Keypads:0:RowPins:3", "19"),
            ("Keypads:0:ColumnPins:0", "12"), ("Keypads:0:ColumnPins:1", "16"), ("Keypads:0:ColumnPins:2", "20"),
            ("Keypads:0:Feedback:GreenLed:Pin", "22"), ("Keypads:0:Feedback:Beeper:Pin", "4"), ("Keypads:0:Feedback:Beeper:ActiveLevel", "Low"),
            ("Keypads:1:Id", "usb-pad"), ("Keypads:1:Kind", "evdev"), ("Keypads:1:DevicePath", "/dev/input/by-id/usb-Pad-event-kbd"));

        Assert.That(Validate(options).Succeeded, Is.True, Validate(options).FailureMessage);
        Assert.That(options.EvdevReaders.Single().Options.OutputFormat.ToString(), Is.EqualTo("Hex"));
        Assert.That(options.NfcReaders.Single().Options.Module, Is.EqualTo(NfcModule.Pn532I2c));
        Assert.That(options.MatrixKeypads.Single().Options.RowPins, Is.EqualTo(new[] { 5, 6, 13, 19 }));
        Assert.That(options.Feedback.Single().ReaderIds, Is.EqualTo(new[] { "lobby" }));
        Assert.That(options.Feedback.Single().Options.Beeper.Pin, Is.EqualTo(4));
        Assert.That(options.KeypadPairings["lobby"], Is.EqualTo("side-door"));
    }

    [Test]
    public void Problems_of_the_new_kinds_name_their_keys()
    {
        var options = Bind(
            ("Readers:0:Id", "front"), ("Readers:0:Kind", "wiegand"), ("Readers:0:Data0Pin", "23"), ("Readers:0:Data1Pin", "24"),
            ("Readers:0:Feedback:RedLed:Pin", "5000"),
            ("Readers:1:Id", "garage-usb"), ("Readers:1:Kind", "evdev"),
            ("Readers:2:Id", "side-door"), ("Readers:2:Kind", "nfc"), ("Readers:2:ResetPin", "17"), ("Readers:2:I2cAddress", "200"),
            ("Keypads:0:Id", "lobby"), ("Keypads:0:Kind", "matrix"), ("Keypads:0:Reader", "nowhere"),
            ("Keypads:0:RowPins:0", "5"), ("Keypads:0:RowPins:1", "24"), ("Keypads:0:ColumnPins:0", "12"), ("Keypads:0:ColumnPins:1", "16"), ("Keypads:0:ColumnPins:2", "20"),
            ("Keypads:0:Feedback:GreenLed:Pin", "12"),
            ("Keypads:1:Id", "garage-usb"), ("Keypads:1:Kind", "evdev"), ("Keypads:1:DevicePath", "/dev/input/by-id/usb-Pad-event-kbd"), ("Keypads:1:PinEntry:MaximumDigits", "40"),
            ("Keypads:2:Id", "pad3"), ("Keypads:2:Kind", "usb"));

        var failures = Validate(options).Failures!.ToList();

        Assert.That(failures, Has.Some.StartsWith("Readers:0:Feedback:RedLed:Pin"));
        Assert.That(failures, Has.Some.StartsWith("Readers:1:DevicePath").And.Contain("Evdev DevicePath is required"));
        Assert.That(failures, Has.Some.EqualTo("Readers:2:ResetPin is GPIO 17, already used by Relay:Pin; each line has one use."));
        Assert.That(failures, Has.Some.StartsWith("Readers:2:I2cAddress must be a 7-bit address"));
        Assert.That(failures, Has.Some.EqualTo("Keypads:0:RowPins:1 is GPIO 24, already used by Readers:0:Data1Pin; each line has one use."));
        Assert.That(failures, Has.Some.EqualTo("Keypads:0:RowPins has 2 and ColumnPins 3 lines; the key layout is 4×3."));
        Assert.That(failures, Has.Some.EqualTo("Keypads:0:Feedback:GreenLed:Pin is GPIO 12, already used by Keypads:0:ColumnPins:0; each line has one use."));
        Assert.That(failures, Has.Some.EqualTo("Keypads:0:Reader is 'nowhere'; expected the Id of one of the Readers."));
        Assert.That(failures, Has.Some.StartsWith("Keypads:1:Id is 'garage-usb', already the id of Readers:1"));
        Assert.That(failures, Has.Some.StartsWith("Keypads:1:PinEntry:MaximumDigits"));
        Assert.That(failures, Has.Some.StartsWith("Keypads:2:Kind is 'usb'; expected wiegand4 or wiegand8 or matrix or evdev"));
    }

    [Test]
    public void A_module_name_that_is_not_a_module_is_a_binding_problem_naming_the_entry()
    {
        var options = Bind(("Readers:0:Id", "nfc"), ("Readers:0:Kind", "nfc"), ("Readers:0:Module", "Rc999"));

        Assert.That(Validate(options).Failures, Has.Some.StartsWith("Readers:0:"));
        Assert.That(options.NfcReaders, Is.Empty);
    }
}
