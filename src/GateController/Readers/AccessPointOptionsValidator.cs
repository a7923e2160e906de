using System.ComponentModel.DataAnnotations;
using GateController.Hardware.Relay;
using GateController.Hardware.Wiegand;
using Microsoft.Extensions.Options;

namespace GateController.Readers;

/// <summary>
/// Checks every reader and keypad at start, naming the key of each problem (<c>Readers:0:Data0Pin</c>):
/// kinds, ids, formats, timings, and that no GPIO line is used twice (two readers, or a reader and the relay).
/// </summary>
internal sealed class AccessPointOptionsValidator(IOptions<RelayOptions> relay) : IValidateOptions<AccessPointOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessPointOptions options)
    {
        var failures = new List<string>(options.BindingProblems);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var pins = new Dictionary<int, string>{ [relay.Value.Pin] = $"{RelayOptions.Section}:Pin" };
        foreach (var entry in options.All)
        {
            CheckKind(entry, failures);
            CheckAnnotations(entry, failures);
            var wiegand = entry.Wiegand;
            if (!string.IsNullOrWhiteSpace(wiegand.Id) && !ids.TryAdd(wiegand.Id, entry.ConfigPath))
            {
                failures.Add($"{entry.ConfigPath}:Id is '{wiegand.Id}', already the id of {ids[wiegand.Id]}; ids name readers in events and must be unique.");
            }

            foreach (var (key, pin) in new[] { ("Data0Pin", wiegand.Data0Pin), ("Data1Pin", wiegand.Data1Pin) })
            {
                if (!pins.TryAdd(pin, $"{entry.ConfigPath}:{key}"))
                {
                    failures.Add($"{entry.ConfigPath}:{key} is GPIO {pin}, already used by {pins[pin]}; each line has one use.");
                }
            }

            for (var i = 0; i < wiegand.Formats.Count; i++)
            {
                if (!WiegandFormat.TryParse(wiegand.Formats[i], out _))
                {
                    failures.Add($"{entry.ConfigPath}:Formats:{i} is '{wiegand.Formats[i]}'; expected H10301, H10306, C1000, H10304, H10302 or RawN (N = 1 to 64).");
                }
            }

            if (!entry.IsKeypad && !entry.ReadsCards && !entry.HasKeys)
            {
                failures.Add($"{entry.ConfigPath}:Formats is empty and KeypadMode is None; the reader would read nothing.");
            }

            if (wiegand.MinimumPulseInterval >= wiegand.FrameGap)
            {
                failures.Add($"{entry.ConfigPath}:MinimumPulseInterval ({wiegand.MinimumPulseInterval}) must be shorter than FrameGap ({wiegand.FrameGap}).");
            }
        }

        foreach (var keypad in options.Keypads.Where(k => k.PairedReader is not null))
        {
            if (!options.Readers.Any(r => r.Wiegand.Id == keypad.PairedReader))
            {
                failures.Add($"{keypad.ConfigPath}:Reader is '{keypad.PairedReader}'; expected the Id of one of the Readers.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKind(ConfiguredReader entry, List<string> failures)
    {
        var expected = entry.IsKeypad
            ? new[] { AccessPointOptions.Wiegand4Kind, AccessPointOptions.Wiegand8Kind }
            : [AccessPointOptions.WiegandKind];
        if (!expected.Contains(entry.Kind, StringComparer.Ordinal))
        {
            failures.Add($"{entry.ConfigPath}:Kind is '{entry.Kind}'; expected {string.Join(" or ", expected)} (other kinds are not in this build).");
        }
    }

    /// <summary>The data annotations on <see cref="WiegandReaderOptions"/>, with their <c>readers[]:</c> prefix replaced by the real key.</summary>
    private static void CheckAnnotations(ConfiguredReader entry, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(entry.Wiegand, new ValidationContext(entry.Wiegand), results, validateAllProperties: true);
        Validator.TryValidateObject(entry.Wiegand.PinEntry, new ValidationContext(entry.Wiegand.PinEntry), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var message = result.ErrorMessage ?? "is invalid";
            failures.Add(message.StartsWith("readers[]:", StringComparison.Ordinal)
                ? $"{entry.ConfigPath}:{message["readers[]:".Length..]}"
                : $"{entry.ConfigPath}:{string.Join(',', result.MemberNames)}: {message}");
        }
    }
}
