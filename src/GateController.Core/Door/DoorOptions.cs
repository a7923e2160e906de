using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Core.Door;

public sealed class DoorOptions
{
    public const string Section = "Door";

    /// <summary>Typical strike/maglock release time for a pedestrian gate.</summary>
    public static readonly TimeSpan DefaultHoldOpenDuration = TimeSpan.FromSeconds(3);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HoldOpenDuration { get; set; } = DefaultHoldOpenDuration;
}

[OptionsValidator]
public sealed partial class DoorOptionsValidator : IValidateOptions<DoorOptions>;
