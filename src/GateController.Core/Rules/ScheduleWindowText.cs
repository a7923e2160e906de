using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GateController.Core.Rules;

/// <summary>
/// The one text form of a <see cref="ScheduleWindow"/>, shared by configuration, the admin API and gatectl:
/// <c>[DAYS ]HH:MM-HH:MM</c>, where DAYS is a comma list of days or ranges (<c>Mon-Fri</c>, <c>Sat,Sun</c>,
/// <c>daily</c>) and <c>24:00</c> is the end of the day. <c>Mon-Fri 22:00-06:00</c> runs past midnight.
/// </summary>
public static class ScheduleWindowText
{
    private static readonly string[] ShortNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static bool TryParse(string? text, [NotNullWhen(true)] out ScheduleWindow? window, out string problem)
    {
        window = null;
        problem = "";
        var parts = (text ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            problem = $"'{text}' is not a time window; expected [DAYS ]HH:MM-HH:MM, e.g. 'Mon-Fri 08:00-18:00' or '22:00-06:00'";
            return false;
        }

        List<DayOfWeek> days = [];
        if (parts.Length == 2 && !TryParseDays(parts[0], days, out problem))
        {
            return false;
        }

        var times = parts[^1].Split('-');
        if (times.Length != 2 || !TryParseTime(times[0], allowEndOfDay: false, out var start) || !TryParseTime(times[1], allowEndOfDay: true, out var end))
        {
            problem = $"'{parts[^1]}' in '{text}' is not a time range; expected HH:MM-HH:MM with hours 00-23 (24:00 for the end of the day), e.g. 08:00-18:00";
            return false;
        }

        window = new ScheduleWindow { Days = days, Start = start, End = end };
        return true;
    }

    public static string Format(ScheduleWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        // An end of 00:00 is midnight at the end of the window's day.
        var range = $"{Time(window.Start)}-{(window.End == TimeSpan.Zero ? "24:00" : Time(window.End))}";
        return window.Days.Count == 0 || window.Days.Distinct().Count() == 7 ? range : $"{Days(window.Days)} {range}";
    }

    /// <summary>Monday first, runs as ranges: Mon-Fri, Mon,Wed, Fri-Sun.</summary>
    private static string Days(IReadOnlyList<DayOfWeek> days)
    {
        var week = Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).ToList();
        var parts = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            if (!days.Contains(week[i]))
            {
                continue;
            }

            var end = i;
            while (end + 1 < 7 && days.Contains(week[end + 1]))
            {
                end++;
            }

            parts.Add(end == i ? ShortNames[(int)week[i]] : $"{ShortNames[(int)week[i]]}-{ShortNames[(int)week[end]]}");
            i = end;
        }

        return string.Join(',', parts);
    }

    private static bool TryParseDays(string text, List<DayOfWeek> days, out string problem)
    {
        problem = "";
        if (text.Equals("daily", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var item in text.Split(','))
        {
            var range = item.Split('-');
            if (range.Length is < 1 or > 2 || !TryParseDay(range[0], out var first) || !TryParseDay(range[^1], out var last))
            {
                problem = $"'{item}' is not a day; expected Mon, Tue, Wed, Thu, Fri, Sat, Sun, a range like Mon-Fri, or 'daily'";
                return false;
            }

            // Fri-Mon wraps over the weekend.
            for (var day = first; ; day = (DayOfWeek)(((int)day + 1) % 7))
            {
                if (!days.Contains(day))
                {
                    days.Add(day);
                }

                if (day == last)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        for (var i = 0; i < 7; i++)
        {
            var name = ((DayOfWeek)i).ToString();
            if (text.Equals(ShortNames[i], StringComparison.OrdinalIgnoreCase) || text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                day = (DayOfWeek)i;
                return true;
            }
        }

        day = default;
        return false;
    }

    private static bool TryParseTime(string text, bool allowEndOfDay, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        if (allowEndOfDay && text == "24:00")
        {
            return true;
        }

        if (text.Length != 5 || !TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed.ToTimeSpan();
        return true;
    }

    private static string Time(TimeSpan time) => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
