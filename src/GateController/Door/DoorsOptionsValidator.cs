using System.ComponentModel.DataAnnotations;
using GateController.Core.Door;
using GateController.Hardware.DoorInputs;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Options;

namespace GateController.Door;

/// <summary>
/// Checks every door key at start. Written by hand rather than source-generated: the same option classes
/// serve <c>Door</c> and <c>Door2</c>, so each message must carry the section it came from, and pins are
/// checked across doors (a line can only be one thing).
/// </summary>
internal sealed class DoorsOptionsValidator : IValidateOptions<DoorsOptions>
{
    public ValidateOptionsResult Validate(string? name, DoorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> problems = [.. options.BindingProblems];
        var pins = new Dictionary<int, string>();
        var readers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var door in options.Doors)
        {
            Annotations(problems, door.Timing, door.Section);
            Annotations(problems, door.Relay, door.RelaySection);
            Claim(problems, pins, door.Relay.Pin, $"{door.RelaySection}:Pin");
            foreach (var (input, inputOptions) in door.Inputs)
            {
                CheckInput(problems, pins, inputOptions, $"{door.Section}:{ConfiguredDoor.InputKey(input)}");
            }

            foreach (var reader in door.Timing.Readers)
            {
                if (string.IsNullOrWhiteSpace(reader))
                {
                    problems.Add($"{door.Section}:Readers: a reader id is empty.");
                }
                else if (!readers.TryAdd(reader, door.Section))
                {
                    problems.Add($"{door.Section}:Readers: '{reader}' is already on {readers[reader]}; a reader opens one door.");
                }
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckInput(List<string> problems, Dictionary<int, string> pins, DoorInputOptions input, string key)
    {
        if (input.Pin is < 0 or > 1023)
        {
            problems.Add($"{key}:Pin must be a GPIO line number from 0 to 1023 (BCM numbering on a Raspberry Pi); it is required for a wired input.");
        }
        else
        {
            Claim(problems, pins, input.Pin, $"{key}:Pin");
        }

        if (!Enum.IsDefined(input.ActiveLevel))
        {
            problems.Add($"{key}:ActiveLevel must be High or Low.");
        }

        if (!Enum.IsDefined(input.Pull))
        {
            problems.Add($"{key}:Pull must be Up, Down or None.");
        }

        if (input.DebounceDuration < TimeSpan.Zero || input.DebounceDuration > DoorInputOptions.MaximumDebounceDuration)
        {
            problems.Add($"{key}:DebounceDuration must be between 00:00:00 and 00:00:01.");
        }
    }

    private static void Claim(List<string> problems, Dictionary<int, string> pins, int pin, string key)
    {
        if (!pins.TryAdd(pin, key))
        {
            problems.Add($"{key}: GPIO {pin} is already used by {pins[pin]}.");
        }
    }

    private static void Annotations(List<string> problems, object options, string section)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r => $"{section}:{r.ErrorMessage}"));
        }
    }
}
