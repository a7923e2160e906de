using Microsoft.Extensions.Options;

namespace GateController.Core.Rules;

/// <summary>Names the key of each problem (<c>Access:Doors:0:Windows:1:When</c>), as start-up errors do elsewhere.</summary>
/// <param name="knownReaders">The configured reader ids (cards and the camera) anti-passback pairs may name; null skips that check.</param>
public sealed class AccessRulesOptionsValidator(TimeProvider time, IReadOnlyCollection<string>? knownReaders = null) : IValidateOptions<AccessRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = AccessRulesOptions.Section;
        if (!SiteClock.TryFindZone(options.TimeZone, time, out _, out var zoneProblem))
        {
            failures.Add($"{Section}:TimeZone: {zoneProblem}.");
        }

        if (!Enum.IsDefined(options.PersonsWithoutGroup))
        {
            failures.Add($"{Section}:PersonsWithoutGroup is {options.PersonsWithoutGroup}; expected Allowed or Denied.");
        }

        if (options.PinAfterCardTimeout < TimeSpan.FromSeconds(1) || options.PinAfterCardTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{Section}:PinAfterCardTimeout is {options.PinAfterCardTimeout}; expected between 00:00:01 and 00:02:00.");
        }

        DoorMethodPlan.Build(options, failures);
        var antiPassback = options.AntiPassback;
        if (!Enum.IsDefined(antiPassback.Mode))
        {
            failures.Add($"{Section}:AntiPassback:Mode is {antiPassback.Mode}; expected Off, Hard or Soft.");
        }

        if (antiPassback.ResetAfter < TimeSpan.FromMinutes(1) || antiPassback.ResetAfter > TimeSpan.FromDays(7))
        {
            failures.Add($"{Section}:AntiPassback:ResetAfter is {antiPassback.ResetAfter}; expected between 00:01:00 and 7.00:00:00.");
        }

        if (antiPassback.Mode != AntiPassbackMode.Off && antiPassback.Pairs.Count == 0)
        {
            failures.Add($"{Section}:AntiPassback:Mode is {antiPassback.Mode} but no Pairs are configured; add {{ \"Entry\": READER, \"Exit\": READER }} or set Mode Off.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < antiPassback.Pairs.Count; i++)
        {
            var pair = antiPassback.Pairs[i];
            foreach (var (key, reader) in new[] { ("Entry", pair.Entry), ("Exit", pair.Exit) })
            {
                if (string.IsNullOrWhiteSpace(reader) || !seen.Add(reader))
                {
                    failures.Add($"{Section}:AntiPassback:Pairs:{i}:{key} is '{reader}'; expected a reader id used in no other pair.");
                }
                else if (knownReaders is not null && !knownReaders.Contains(reader))
                {
                    // A misspelt id would silently switch anti-passback off for that door.
                    failures.Add($"{Section}:AntiPassback:Pairs:{i}:{key} is '{reader}', which is no configured reader; expected one of {string.Join(", ", knownReaders.Order(StringComparer.Ordinal))}.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
