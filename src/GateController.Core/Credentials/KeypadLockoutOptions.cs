using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Core.Credentials;

/// <summary>Issue #3: after 5 wrong PINs in 5 minutes at one keypad, that keypad refuses PINs for 5 minutes.</summary>
public sealed class KeypadLockoutOptions
{
    public const string Section = "KeypadLockout";
    public const int DefaultMaximumFailures = 5;
    public static readonly TimeSpan DefaultFailureWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultLockoutDuration = TimeSpan.FromMinutes(5);

    [Range(1, 100, ErrorMessage = "KeypadLockout:MaximumFailures must be between 1 and 100.")]
    public int MaximumFailures { get; set; } = DefaultMaximumFailures;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "KeypadLockout:FailureWindow must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan FailureWindow { get; set; } = DefaultFailureWindow;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "KeypadLockout:LockoutDuration must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan LockoutDuration { get; set; } = DefaultLockoutDuration;
}

[OptionsValidator]
public sealed partial class KeypadLockoutOptionsValidator : IValidateOptions<KeypadLockoutOptions>;
