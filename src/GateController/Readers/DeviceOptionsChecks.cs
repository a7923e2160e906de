using GateController.Hardware.Evdev;
using GateController.Hardware.Feedback;
using GateController.Hardware.Matrix;
using GateController.Hardware.Nfc;

namespace GateController.Readers;

/// <summary>
/// The checks of the evdev, NFC and matrix entries and of every <c>Feedback</c> section: their drivers'
/// own annotations under the real key, unique ids, and each GPIO line claimed once.
/// </summary>
internal static class DeviceOptionsChecks
{
    public static void Check(AccessPointOptions options, AccessPointProblems problems)
    {
        foreach (var reader in options.EvdevReaders)
        {
            CheckEvdev(reader.ConfigPath, reader.Options, problems);
        }

        foreach (var keypad in options.EvdevKeypads)
        {
            CheckEvdev(keypad.ConfigPath, keypad.Options, problems);
            problems.CheckAnnotations(keypad.Options.PinEntry, $"{keypad.ConfigPath}:PinEntry");
        }

        foreach (var reader in options.NfcReaders)
        {
            CheckNfc(reader, problems);
        }

        foreach (var keypad in options.MatrixKeypads)
        {
            CheckMatrix(keypad, problems);
        }

        foreach (var feedback in options.Feedback)
        {
            foreach (var line in Enum.GetValues<FeedbackLine>())
            {
                var output = feedback.Options.For(line);
                problems.CheckAnnotations(output, $"{feedback.ConfigPath}:{line}");
                if (output.Pin != FeedbackOutputOptions.NoPin)
                {
                    problems.ClaimPin($"{feedback.ConfigPath}:{line}:Pin", output.Pin);
                }
            }
        }
    }

    private static void CheckEvdev(string configPath, EvdevDeviceOptions options, AccessPointProblems problems)
    {
        problems.CheckAnnotations(options, configPath);
        problems.ClaimId(configPath, options.Id);
        if (options.MaximumReconnectDelay < options.ReconnectDelay)
        {
            problems.Add($"{configPath}:MaximumReconnectDelay ({options.MaximumReconnectDelay}) must not be shorter than ReconnectDelay ({options.ReconnectDelay}).");
        }
    }

    private static void CheckNfc(ConfiguredDevice<NfcReaderOptions> reader, AccessPointProblems problems)
    {
        var options = reader.Options;
        problems.CheckAnnotations(options, reader.ConfigPath);
        problems.ClaimId(reader.ConfigPath, options.Id);
        if (options.Module == NfcModule.Mfrc522Spi && options.ResetPin != -1)
        {
            problems.ClaimPin($"{reader.ConfigPath}:ResetPin", options.ResetPin);
        }

        if (options.Module == NfcModule.Pn532Uart && string.IsNullOrWhiteSpace(options.SerialPort))
        {
            problems.Add($"{reader.ConfigPath}:SerialPort is empty; a Pn532Uart module needs its UART, e.g. /dev/serial0.");
        }
    }

    private static void CheckMatrix(ConfiguredDevice<MatrixKeypadOptions> keypad, AccessPointProblems problems)
    {
        var options = keypad.Options;
        problems.CheckAnnotations(options, keypad.ConfigPath);
        problems.CheckAnnotations(options.PinEntry, $"{keypad.ConfigPath}:PinEntry");
        problems.ClaimId(keypad.ConfigPath, options.Id);
        foreach (var (key, pins) in new[] { ("RowPins", options.RowPins), ("ColumnPins", options.ColumnPins) })
        {
            for (var i = 0; i < pins.Count; i++)
            {
                if (pins[i] is < 0 or > 1023)
                {
                    problems.Add($"{keypad.ConfigPath}:{key}:{i} is {pins[i]}; expected a GPIO line number from 0 to 1023.");
                }
                else
                {
                    problems.ClaimPin($"{keypad.ConfigPath}:{key}:{i}", pins[i]);
                }
            }
        }

        CheckLayout(keypad, problems);
    }

    /// <summary>The layout the driver would build must match the pins, or its constructor throws at start.</summary>
    private static void CheckLayout(ConfiguredDevice<MatrixKeypadOptions> keypad, AccessPointProblems problems)
    {
        var options = keypad.Options;
        if (options.ColumnPins.Count == 0)
        {
            return;
        }

        MatrixKeyLayout layout;
        try
        {
            layout = MatrixKeyLayout.For(options.Keys, options.ColumnPins.Count);
        }
        catch (ArgumentException exception)
        {
            problems.Add($"{keypad.ConfigPath}:Keys: {exception.Message.Split(" (Parameter", 2)[0]}");
            return;
        }

        if (layout.RowCount != options.RowPins.Count || layout.ColumnCount != options.ColumnPins.Count)
        {
            problems.Add($"{keypad.ConfigPath}:RowPins has {options.RowPins.Count} and ColumnPins {options.ColumnPins.Count} lines; the key layout is {layout.RowCount}×{layout.ColumnCount}.");
        }
    }
}
