using GateController.Face;
using GateController.Readers;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

/// <summary>
/// Refuses a configuration in which face recognition is the only way in. A resident who withdraws
/// consent (PIPL lets them, at any time) or a failed camera would otherwise be locked out of their home.
/// Checked with the daemon's own options, the first thing start-up reads, so it stops start-up with
/// exit 78 and one message before the store or any model is opened; a simulation's default reader counts.
/// </summary>
internal sealed class AccessPolicyGuard(IConfiguration configuration) : IValidateOptions<DaemonOptions>
{
    public ValidateOptionsResult Validate(string? name, DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var faceEnabled = configuration.GetValue($"{FacePathOptions.Section}:{nameof(FacePathOptions.Enabled)}", defaultValue: true);
        var accessPoints = AccessPointDefaults.Resolve(configuration, options.Simulate);
        return !faceEnabled || accessPoints.ReaderCount + accessPoints.KeypadCount > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "face recognition is the only enabled way in: no card reader (Readers) and no keypad (Keypads) is configured. " +
                "Configure at least one reader or keypad so residents without face consent, or with a failed camera, can enter; or set Face:Enabled=false.");
    }
}
