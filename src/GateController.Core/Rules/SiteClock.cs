namespace GateController.Core.Rules;

/// <summary>
/// The site's wall clock: UTC from the <see cref="TimeProvider"/>, turned into local time in the configured
/// IANA zone (<c>Access:TimeZone</c>) by <see cref="TimeZoneInfo"/>, so windows follow DST as residents do.
/// </summary>
public sealed class SiteClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public TimeProvider Time { get; } = time;

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone).DateTime;

    /// <summary>The zone for <paramref name="id"/>, or the time provider's own zone when it is empty.</summary>
    public static bool TryFindZone(string? id, TimeProvider time, out TimeZoneInfo zone, out string problem)
    {
        ArgumentNullException.ThrowIfNull(time);
        problem = "";
        if (string.IsNullOrWhiteSpace(id))
        {
            zone = time.LocalTimeZone;
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            problem = $"'{id}' is not a time zone this system knows; expected an IANA id such as Asia/Shanghai or Europe/Berlin (tzdata, /usr/share/zoneinfo)";
            return false;
        }
    }
}
