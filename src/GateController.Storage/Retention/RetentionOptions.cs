using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Storage.Retention;

/// <summary>
/// Config section <c>Retention</c>. Both limits are off (0) by default: how long to keep biometric data
/// of an absent resident is the compound's decision, recorded in its PIPL processing notice.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Retention";
    public const int Off = 0;

    /// <summary>Erase the face data of a person with no face grant (or, never seen, no enrolment) for this many days; 0 = off.</summary>
    [Range(0, 36500)]
    public int FaceTemplateDays { get; set; } = Off;

    /// <summary>Purge access events older than this many days; 0 = off.</summary>
    [Range(0, 36500)]
    public int AccessEventDays { get; set; } = Off;

    /// <summary>Automatic backups kept in <c>&lt;data-dir&gt;/backups/</c>.</summary>
    [Range(1, 365)]
    public int AutomaticBackupsKept { get; set; } = 7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // "Last seen" comes from the access events: purging them sooner would make present residents look absent.
        if (FaceTemplateDays > 0 && AccessEventDays > 0 && AccessEventDays < FaceTemplateDays)
        {
            yield return new ValidationResult(
                $"Retention:AccessEventDays is {AccessEventDays}, shorter than Retention:FaceTemplateDays ({FaceTemplateDays}); " +
                "access events are how the gate knows a resident was seen, so keep them at least as long.",
                [nameof(AccessEventDays)]);
        }
    }
}

[OptionsValidator]
public sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;
