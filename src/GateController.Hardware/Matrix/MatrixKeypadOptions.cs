using System.ComponentModel.DataAnnotations;
using GateController.Core.Credentials;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Matrix;

/// <summary>A matrix keypad on GPIO (one entry of <c>keypads[]</c> with row and column pins).</summary>
public sealed class MatrixKeypadOptions
{
    /// <summary>Contact bounce on membrane pads lasts 5-10 ms; 20 ms is safe and still far below a person's typing rate.</summary>
    public static readonly TimeSpan DefaultDebounceDuration = TimeSpan.FromMilliseconds(20);

    /// <summary>A full scan every 5 ms: four readings inside the debounce time, at a few µs of GPIO work each.</summary>
    public static readonly TimeSpan DefaultScanInterval = TimeSpan.FromMilliseconds(5);

    [Required(ErrorMessage = "keypads[]:Id is required: it names the keypad in events and in the lockout.")]
    public string Id { get; set; } = "";

    /// <summary>Row lines, top to bottom; driven high one at a time.</summary>
    [MinLength(1, ErrorMessage = "keypads[]:RowPins needs at least one GPIO line.")]
    public IList<int> RowPins { get; init; } = [];

    /// <summary>Column lines, left to right; read with pull-downs.</summary>
    [MinLength(1, ErrorMessage = "keypads[]:ColumnPins needs at least one GPIO line.")]
    public IList<int> ColumnPins { get; init; } = [];

    /// <summary>One string a row; empty means the standard 3×4 or 4×4 pad for the number of columns.</summary>
    public IList<string> Keys { get; init; } = [];

    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.200", ErrorMessage = "keypads[]:DebounceDuration must be between 00:00:00 and 00:00:00.200.")]
    public TimeSpan DebounceDuration { get; set; } = DefaultDebounceDuration;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:00.050", ErrorMessage = "keypads[]:ScanInterval must be between 00:00:00.001 and 00:00:00.050.")]
    public TimeSpan ScanInterval { get; set; } = DefaultScanInterval;

    [ValidateObjectMembers]
    public PinEntryOptions PinEntry { get; set; } = new();
}

[OptionsValidator]
public sealed partial class MatrixKeypadOptionsValidator : IValidateOptions<MatrixKeypadOptions>;
