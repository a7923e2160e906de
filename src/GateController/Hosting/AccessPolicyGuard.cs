using GateController.Face;
using GateController.Readers;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

/// <summary>
/// Refuses a configuration in which face recognition is the only way in. A resident who withdraws
/// consent (PIPL lets them, at any time) or a failed camera would otherwise be locked out of their home.
/// It checks the readers and keypads as resolved (a simulation's default reader counts), so it stops
/// start-up with exit 78 and one message.
/// </summary>
internal sealed class AccessPolicyGuard(IOptions<FacePathOptions> face) : IValidateOptions<AccessPointOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessPointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !face.Value.Enabled || options.All.Any()
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "face recognition is the only enabled way in: no card reader (Readers) and no keypad (Keypads) is configured. " +
                "Configure at least one reader or keypad so residents without face consent, or with a failed camera, can enter; or set Face:Enabled=false.");
    }
}
