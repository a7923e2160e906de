using GateController.Hardware.Wiegand;
using Microsoft.Extensions.Options;

namespace GateController.Readers;

/// <summary>
/// Checks every reader and keypad at start, naming the key of each problem (<c>Readers:0:Data0Pin</c>):
/// kinds, ids, formats, timings, and that no GPIO line is used twice (two readers, a keypad's rows, a
/// feedback LED, or a door's relay or inputs). The evdev, NFC, matrix and feedback entries are checked by
/// <see cref="DeviceOptionsChecks"/> against their drivers' own options classes.
/// </summary>
internal sealed class AccessPointOptionsValidator(IOptions<GateController.Door.DoorsOptions> doors) : IValidateOptions<AccessPointOptions>
{
    private static readonly string[] ReaderKinds = [AccessPointOptions.WiegandKind, AccessPointOptions.EvdevKind, AccessPointOptions.NfcKind];

    // wiegand4 and wiegand8 first: messages read "expected wiegand4 or wiegand8 or matrix or evdev".
    private static readonly string[] KeypadKinds = [AccessPointOptions.Wiegand4Kind, AccessPointOptions.Wiegand8Kind, AccessPointOptions.MatrixKind, AccessPointOptions.EvdevKind];

    public ValidateOptionsResult Validate(string? name, AccessPointOptions options)
    {
        var problems = new AccessPointProblems(options.BindingProblems);
        foreach (var (key, pin) in doors.Value.ClaimedPins())
        {
            problems.ClaimPin(key, pin);
        }

        foreach (var entry in options.All)
        {
            CheckWiegand(entry, problems);
        }

        DeviceOptionsChecks.Check(options, problems);
        var readerIds = options.ReaderIds.ToHashSet(StringComparer.Ordinal);
        var pairings = options.Keypads.Select(k => (k.ConfigPath, k.PairedReader))
            .Concat(options.EvdevKeypads.Select(k => (k.ConfigPath, k.PairedReader)))
            .Concat(options.MatrixKeypads.Select(k => (k.ConfigPath, k.PairedReader)));
        foreach (var (configPath, pairedReader) in pairings)
        {
            if (pairedReader is not null && !readerIds.Contains(pairedReader))
            {
                problems.Add($"{configPath}:Reader is '{pairedReader}'; expected the Id of one of the Readers.");
            }
        }

        return problems.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Failures);
    }

    private static void CheckWiegand(ConfiguredReader entry, AccessPointProblems problems)
    {
        var expected = entry.IsKeypad ? KeypadKinds : ReaderKinds;
        if (!expected.Contains(entry.Kind, StringComparer.Ordinal))
        {
            problems.Add($"{entry.ConfigPath}:Kind is '{entry.Kind}'; expected {string.Join(" or ", expected)} (other kinds are not in this build).");
        }

        var wiegand = entry.Wiegand;
        problems.CheckAnnotations(wiegand, entry.ConfigPath);
        problems.CheckAnnotations(wiegand.PinEntry, entry.ConfigPath);
        problems.ClaimId(entry.ConfigPath, wiegand.Id);
        problems.ClaimPin($"{entry.ConfigPath}:Data0Pin", wiegand.Data0Pin);
        problems.ClaimPin($"{entry.ConfigPath}:Data1Pin", wiegand.Data1Pin);
        for (var i = 0; i < wiegand.Formats.Count; i++)
        {
            if (!WiegandFormat.TryParse(wiegand.Formats[i], out _))
            {
                problems.Add($"{entry.ConfigPath}:Formats:{i} is '{wiegand.Formats[i]}'; expected H10301, H10306, C1000, H10304, H10302 or RawN (N = 1 to 64).");
            }
        }

        if (!entry.IsKeypad && !entry.ReadsCards && !entry.HasKeys)
        {
            problems.Add($"{entry.ConfigPath}:Formats is empty and KeypadMode is None; the reader would read nothing.");
        }

        if (wiegand.MinimumPulseInterval >= wiegand.FrameGap)
        {
            problems.Add($"{entry.ConfigPath}:MinimumPulseInterval ({wiegand.MinimumPulseInterval}) must be shorter than FrameGap ({wiegand.FrameGap}).");
        }
    }
}
