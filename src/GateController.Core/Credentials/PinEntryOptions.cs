using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Core.Credentials;

/// <summary>How a PIN is typed: 4 to 8 digits, '*' clears, '#' submits, 5 s between keys (issue #3).</summary>
public sealed class PinEntryOptions
{
    public const int DefaultMinimumDigits = 4;
    public const int DefaultMaximumDigits = 8;

    /// <summary>After this long without a key the typed digits are dropped, so the next person starts clean.</summary>
    public static readonly TimeSpan DefaultInterKeyTimeout = TimeSpan.FromSeconds(5);

    [Range(1, 16, ErrorMessage = "Keypad MinimumDigits must be between 1 and 16.")]
    public int MinimumDigits { get; set; } = DefaultMinimumDigits;

    [Range(1, 16, ErrorMessage = "Keypad MaximumDigits must be between 1 and 16.")]
    public int MaximumDigits { get; set; } = DefaultMaximumDigits;

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Keypad InterKeyTimeout must be between 00:00:01 and 00:01:00.")]
    public TimeSpan InterKeyTimeout { get; set; } = DefaultInterKeyTimeout;
}

[OptionsValidator]
public sealed partial class PinEntryOptionsValidator : IValidateOptions<PinEntryOptions>;
