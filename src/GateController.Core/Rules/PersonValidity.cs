using System.Globalization;

namespace GateController.Core.Rules;

/// <summary>
/// When a person may enter at all (move-in to move-out), as dates in the site's zone, both inclusive:
/// valid until 2026-06-30 ends at 24:00 that night. Null on a side means open-ended.
/// </summary>
public readonly record struct PersonValidity(DateOnly? From, DateOnly? Until)
{
    public static PersonValidity Always => default;

    public bool IsBounded => From is not null || Until is not null;

    public bool Contains(DateOnly date) => (From is not { } from || date >= from) && (Until is not { } until || date <= until);

    /// <summary>Null when the period is well formed; otherwise what is wrong with it.</summary>
    public string? Problem() => From is { } from && Until is { } until && until < from
        ? $"valid-until {Text(until)} is before valid-from {Text(from)}"
        : null;

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a date as gatectl and the admin API take it: yyyy-MM-dd.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public override string ToString() => $"{(From is { } from ? Text(from) : "…")} to {(Until is { } until ? Text(until) : "…")}";
}
