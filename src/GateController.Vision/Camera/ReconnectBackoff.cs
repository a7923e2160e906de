namespace GateController.Vision.Camera;

/// <summary>Exponential backoff between reconnect attempts: doubles after each failure, capped.</summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Next(TimeSpan current, TimeSpan max) => TimeSpan.FromTicks(Math.Min(current.Ticks * 2, max.Ticks));
}
