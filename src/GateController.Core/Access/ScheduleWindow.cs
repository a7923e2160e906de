namespace GateController.Core.Access;

/// <summary>
/// A weekly window of local time, e.g. 22:00-06:00 Monday to Friday. A window whose end is not after
/// its start runs past midnight and belongs to the day it starts on. No days means every day.
/// </summary>
public sealed class ScheduleWindow
{
    public IList<DayOfWeek> Days { get; init; } = [];

    public TimeSpan Start { get; set; }

    public TimeSpan End { get; set; }

    public bool Contains(DateTimeOffset localTime)
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

    private bool OnDay(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);
}
