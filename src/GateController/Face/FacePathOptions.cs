using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Face;

public sealed class FacePathOptions
{
    public const string Section = "Face";

    /// <summary>
    /// How soon the same face may be decided on again. A resident standing at the gate is seen on every
    /// frame; one decision per approach is what the door and the event log want.
    /// </summary>
    public static readonly TimeSpan DefaultRepeatInterval = TimeSpan.FromSeconds(3);

    /// <summary>Face is a convenience residents opt into; switching it off leaves card and PIN as they are.</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RepeatInterval { get; set; } = DefaultRepeatInterval;
}

[OptionsValidator]
public sealed partial class FacePathOptionsValidator : IValidateOptions<FacePathOptions>;
