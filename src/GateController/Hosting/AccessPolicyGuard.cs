using GateController.Core.Rules;
using GateController.Face;
using GateController.Readers;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

/// <summary>
/// Refuses a configuration in which face recognition is the only way in, overall or in any window of any
/// door (<c>Access:Doors</c>). A resident who withdraws consent (PIPL lets them, at any time) or a failed camera
/// would otherwise be locked out of their home, if only at night. Checked with the daemon's own options, the
/// first thing start-up reads, so it stops start-up with exit 78 and one message before the store or any model
/// is opened; a simulation's default reader counts.
/// </summary>
internal sealed class AccessPolicyGuard(IConfiguration configuration) : IValidateOptions<DaemonOptions>
{
    public ValidateOptionsResult Validate(string? name, DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var faceEnabled = configuration.GetValue($"{FacePathOptions.Section}:{nameof(FacePathOptions.Enabled)}", defaultValue: true);
        var accessPoints = AccessPointDefaults.Resolve(configuration, options.Simulate);
        if (faceEnabled && accessPoints.ReaderCount + accessPoints.KeypadCount == 0)
        {
            return ValidateOptionsResult.Fail(
                "face recognition is the only enabled way in: no card reader (Readers) and no keypad (Keypads) is configured. " +
                "Configure at least one reader or keypad so residents without face consent, or with a failed camera, can enter; or set Face:Enabled=false.");
        }

        var failures = FaceOnlyWindows(configuration.GetSection(AccessRulesOptions.Section).Get<AccessRulesOptions>() ?? new AccessRulesOptions());
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Each window in which no method but face opens the door: face alone, or nothing at all (a face that would then be the only hope).</summary>
    internal static List<string> FaceOnlyWindows(AccessRulesOptions rules)
    {
        var failures = new List<string>();
        // Malformed windows are the options validator's to report; this looks only at what they allow.
        foreach (var (key, window, methods) in DoorMethodPlan.Build(rules, []).Windows)
        {
            if ((methods & ~DoorMethods.Face) == DoorMethods.None)
            {
                failures.Add(
                    $"{key} ({window}) allows {(methods == DoorMethods.Face ? "only Face" : "no method")}: face may never be the only way in. " +
                    "Add Card, Pin or CardAndPin to its Methods.");
            }
        }

        return failures;
    }
}
