using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

/// <summary>
/// How many credentials open the door. Face is never a required factor (PIPL: nobody may be made to
/// use their face), so the only two-factor mode is card plus PIN, and only in the scheduled hours.
/// </summary>
public sealed class AccessModeOptions
{
    public const string Section = "Access";

    /// <summary>Time to type the PIN after the card; long enough for a resident, short enough that the next person is not let in.</summary>
    public static readonly TimeSpan DefaultPinAfterCardTimeout = TimeSpan.FromSeconds(15);

    public AccessMode Mode { get; set; } = AccessMode.AnySingleCredential;

    /// <summary>When card+PIN applies in <see cref="AccessMode.CardAndPin"/>; empty means always.</summary>
    public IList<ScheduleWindow> CardAndPinSchedule { get; init; } = [];

    public TimeSpan PinAfterCardTimeout { get; set; } = DefaultPinAfterCardTimeout;

    public bool RequiresCardAndPin(DateTimeOffset localTime) =>
        Mode == AccessMode.CardAndPin && (CardAndPinSchedule.Count == 0 || CardAndPinSchedule.Any(w => w.Contains(localTime)));
}

/// <summary>Names the key of each problem (<c>Access:CardAndPinSchedule:0:Start</c>), as start-up errors do elsewhere.</summary>
public sealed class AccessModeOptionsValidator : IValidateOptions<AccessModeOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{AccessModeOptions.Section}:Mode is {options.Mode}; expected AnySingleCredential or CardAndPin.");
        }

        if (options.PinAfterCardTimeout < TimeSpan.FromSeconds(1) || options.PinAfterCardTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{AccessModeOptions.Section}:PinAfterCardTimeout is {options.PinAfterCardTimeout}; expected between 00:00:01 and 00:02:00.");
        }

        for (var i = 0; i < options.CardAndPinSchedule.Count; i++)
        {
            var window = options.CardAndPinSchedule[i];
            foreach (var (key, value) in new[] { ("Start", window.Start), ("End", window.End) })
            {
                if (value < TimeSpan.Zero || value >= TimeSpan.FromDays(1))
                {
                    failures.Add($"{AccessModeOptions.Section}:CardAndPinSchedule:{i}:{key} is {value}; expected a time of day from 00:00 to 23:59:59.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
