using System.Diagnostics.CodeAnalysis;

namespace GateController.Core.Rules;

/// <summary>
/// Builds an <see cref="AccessGroup"/> from its text parts (windows as <see cref="ScheduleWindowText"/>, holidays
/// as yyyy-MM-dd), the form the admin API, gatectl and the store share, with one message per bad part.
/// </summary>
public static class AccessGroupText
{
    public const int MaximumWindows = 32;

    public const int MaximumHolidays = 366;

    public static bool TryCreate(
        string? name,
        IReadOnlyList<string> windows,
        IReadOnlyList<string> holidays,
        IReadOnlyList<string> holidayWindows,
        IReadOnlyList<int> doors,
        [NotNullWhen(true)] out AccessGroup? group,
        out string problem)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(holidayWindows);
        ArgumentNullException.ThrowIfNull(doors);
        group = null;
        if (!AccessGroup.IsValidName(name))
        {
            problem = AccessGroup.NameProblem(name);
            return false;
        }

        if (windows.Count + holidayWindows.Count > MaximumWindows || holidays.Count > MaximumHolidays)
        {
            problem = $"group '{name}' has {windows.Count + holidayWindows.Count} windows and {holidays.Count} holidays; at most {MaximumWindows} windows and {MaximumHolidays} holidays";
            return false;
        }

        if (!TryParseWindows(windows, out var weekly, out problem) || !TryParseWindows(holidayWindows, out var onHolidays, out problem))
        {
            problem = $"group '{name}': {problem}";
            return false;
        }

        var dates = new List<DateOnly>();
        foreach (var text in holidays)
        {
            if (!PersonValidity.TryParseDate(text, out var date))
            {
                problem = $"group '{name}': holiday '{text}' is not a date; expected yyyy-MM-dd, e.g. 2026-10-01";
                return false;
            }

            dates.Add(date);
        }

        if (doors.FirstOrDefault(d => d is < 1 or > AccessGroup.MaximumDoor) is var bad and not 0)
        {
            problem = $"group '{name}': door {bad} is not a door number; expected 1 to {AccessGroup.MaximumDoor}";
            return false;
        }

        group = new AccessGroup(name!, weekly, [.. dates.Distinct().Order()], onHolidays, [.. doors.Distinct().Order()]);
        problem = "";
        return true;
    }

    public static IReadOnlyList<string> Windows(IEnumerable<ScheduleWindow> windows) => [.. windows.Select(ScheduleWindowText.Format)];

    public static IReadOnlyList<string> Dates(IEnumerable<DateOnly> dates) => [.. dates.Select(PersonValidity.Text)];

    private static bool TryParseWindows(IReadOnlyList<string> texts, out List<ScheduleWindow> windows, out string problem)
    {
        windows = [];
        problem = "";
        foreach (var text in texts)
        {
            if (!ScheduleWindowText.TryParse(text, out var window, out problem))
            {
                return false;
            }

            windows.Add(window);
        }

        return true;
    }
}
