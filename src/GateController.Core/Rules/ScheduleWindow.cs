namespace GateController.Core.Rules;

/// <summary>
/// A weekly window of local wall-clock time, e.g. 22:00-06:00 Monday to Friday. A window whose end is not
/// after its start runs past midnight and belongs to the day it starts on (00:00-00:00 is the whole day).
/// No days means every day. Text form: <see cref="ScheduleWindowText"/>.
/// </summary>
public sealed record ScheduleWindow
{
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    public TimeSpan Start { get; init; }

    public TimeSpan End { get; init; }

    /// <summary>
    /// Whether <paramref name="localTime"/> (wall clock in the site's zone, from <see cref="SiteClock"/>) is inside.
    /// Wall clock, not an offset: across a DST change 08:00 stays 08:00.
    /// </summary>
    public bool Contains(DateTime localTime)
    {
        var timeOfDay = localTime.TimeOfDay;
        if (Start < End)
        {
            return OnDay(localTime.DayOfWeek) && timeOfDay >= Start && timeOfDay < End;
        }

        // Past midnight: the evening part belongs to today, the morning part to yesterday's window.
        return (OnDay(localTime.DayOfWeek) && timeOfDay >= Start)
            || (OnDay(localTime.AddDays(-1).DayOfWeek) && timeOfDay < End);
    }

    public override string ToString() => ScheduleWindowText.Format(this);

    private bool OnDay(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);
}
