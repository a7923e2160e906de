using System.Text.RegularExpressions;

namespace GateController.Core.Rules;

/// <summary>
/// An access group: the weekly windows its members may enter in (several a day), the holiday dates on which
/// <see cref="HolidayWindows"/> replace them (none: closed that date), and the doors it covers (none: every door).
/// </summary>
public sealed partial record AccessGroup(
    string Name,
    IReadOnlyList<ScheduleWindow> Windows,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<ScheduleWindow> HolidayWindows,
    IReadOnlyList<int> Doors)
{
    public const int MaximumNameLength = 64;

    /// <summary>The most doors a group can name; doors are numbered from 1.</summary>
    public const int MaximumDoor = 16;

    public bool CoversDoor(int door) => Doors.Count == 0 || Doors.Contains(door);

    /// <summary>Whether <paramref name="localTime"/> (the site's wall clock) is inside the windows of its date.</summary>
    public bool IsOpenAt(DateTime localTime)
    {
        var windows = Holidays.Contains(DateOnly.FromDateTime(localTime)) ? HolidayWindows : Windows;
        foreach (var window in windows)
        {
            if (window.Contains(localTime))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public static string NameProblem(string? name) =>
        $"'{name}' is not a group name; expected 1 to {MaximumNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
