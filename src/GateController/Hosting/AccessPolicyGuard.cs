using GateController.Face;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

/// <summary>
/// Refuses a configuration in which face recognition is the only way in. A resident who withdraws
/// consent (PIPL lets them, at any time) or a failed camera would otherwise be locked out of their home.
/// Checked as part of the daemon options, so it stops start-up with exit 78 and one message.
/// </summary>
internal sealed class AccessPolicyGuard(IConfiguration configuration) : IValidateOptions<DaemonOptions>
{
    public const string ReadersSection = "Readers";
    public const string KeypadsSection = "Keypads";

    public ValidateOptionsResult Validate(string? name, DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var faceEnabled = configuration.GetValue($"{FacePathOptions.Section}:{nameof(FacePathOptions.Enabled)}", defaultValue: true);
        // Simulation always has the simulated card reader (the readers work adds it to the defaults).
        var otherWayIn = options.Simulate ||
            configuration.GetSection(ReadersSection).GetChildren().Any() ||
            configuration.GetSection(KeypadsSection).GetChildren().Any();
        return !faceEnabled || otherWayIn
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "face recognition is the only enabled way in: no card reader (Readers) and no keypad (Keypads) is configured. " +
                "Configure at least one reader or keypad so residents without face consent, or with a failed camera, can enter; or set Face:Enabled=false.");
    }
}
