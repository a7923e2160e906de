using GateController.Core.Access;

namespace GateController.Hardware.Feedback;

/// <summary>
/// A timed sequence of output switches, and the table of patterns per decision. Each pattern ends with
/// every line it touched off. The three differ by ear alone (one beep, two beeps, one long beep), so they
/// work for a resident who cannot see the LED.
/// </summary>
public sealed class FeedbackPattern
{
    /// <summary>100 ms: clearly audible on a piezo, short enough to be "a beep".</summary>
    public static readonly TimeSpan ShortBeep = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan LongBeep = TimeSpan.FromSeconds(1);

    /// <summary>Green for as long as a typical gate stays unlocked (Door hold-open is 3 s by default; 2 s is enough to see).</summary>
    public static readonly TimeSpan GrantedLight = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DeniedLight = TimeSpan.FromSeconds(1);

    /// <summary>Granted: green LED and one short beep.</summary>
    public static readonly FeedbackPattern Granted = new(
        [.. Pulse(FeedbackLine.GreenLed, TimeSpan.Zero, GrantedLight), .. Pulse(FeedbackLine.Beeper, TimeSpan.Zero, ShortBeep)]);

    /// <summary>Denied (and rejected): red LED and two short beeps.</summary>
    public static readonly FeedbackPattern Denied = new(
        [.. Pulse(FeedbackLine.RedLed, TimeSpan.Zero, DeniedLight), .. Pulse(FeedbackLine.Beeper, TimeSpan.Zero, ShortBeep), .. Pulse(FeedbackLine.Beeper, 2 * ShortBeep, ShortBeep)]);

    /// <summary>Locked out: one long beep and the red LED blinking at 2 Hz for 2 s.</summary>
    public static readonly FeedbackPattern LockedOut = new(
        [.. Pulse(FeedbackLine.Beeper, TimeSpan.Zero, LongBeep), .. Enumerable.Range(0, 4).SelectMany(i => Pulse(FeedbackLine.RedLed, TimeSpan.FromMilliseconds(500 * i), TimeSpan.FromMilliseconds(250)))]);

    public FeedbackPattern(IEnumerable<FeedbackStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        // Stable order by time: at equal times, a later step wins, so "off then on" at one instant ends on.
        Steps = [.. steps.OrderBy(s => s.At)];
        if (Steps.Count > 0 && Steps[0].At < TimeSpan.Zero)
        {
            throw new ArgumentException("A feedback step cannot come before the pattern starts.", nameof(steps));
        }
    }

    /// <summary>The steps in time order.</summary>
    public IReadOnlyList<FeedbackStep> Steps { get; }

    public TimeSpan Duration => Steps.Count == 0 ? TimeSpan.Zero : Steps[^1].At;

    /// <summary>The pattern for a decision: denied and rejected sound alike, so a garbled read invites another try.</summary>
    public static FeedbackPattern For(AccessResult result) => result switch
    {
        AccessResult.Granted => Granted,
        // A stranger and a spoof hear what any refusal sounds like: the attacker learns nothing more.
        AccessResult.Denied or AccessResult.Rejected or AccessResult.Unknown or AccessResult.Spoof => Denied,
        AccessResult.LockedOut => LockedOut,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown access result."),
    };

    /// <summary>On at <paramref name="start"/>, off <paramref name="length"/> later.</summary>
    public static IEnumerable<FeedbackStep> Pulse(FeedbackLine line, TimeSpan start, TimeSpan length) =>
        [new FeedbackStep(start, line, true), new FeedbackStep(start + length, line, false)];
}
