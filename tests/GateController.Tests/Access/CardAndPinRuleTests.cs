using GateController.Core.Access;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Access;

public sealed class CardAndPinRuleTests
{
    private static readonly Dictionary<string, string> Pairs = new() { ["lobby"] = "front" };

    // A Wednesday, 23:00 UTC; the fake clock's local zone is UTC.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.Zero));

    [Test]
    public void Any_single_credential_mode_passes_every_verdict_through()
    {
        var rule = Rule(new AccessModeOptions());

        Assert.That(rule.Apply(Card("front"), Grant("A-1")).Result, Is.EqualTo(AccessResult.Granted));
        Assert.That(rule.Apply(Pin("lobby"), Grant("A-1")).Result, Is.EqualTo(AccessResult.Granted));
    }

    [Test]
    public void In_card_and_pin_hours_a_card_waits_for_the_holders_pin_at_the_paired_keypad()
    {
        var rule = Rule(NightOnly());

        var card = rule.Apply(Card("front"), Grant("A-1"));
        _time.Advance(TimeSpan.FromSeconds(5));
        var pin = rule.Apply(Pin("lobby"), Grant("A-1"));

        Assert.That((card.Result, card.Reason), Is.EqualTo((AccessResult.Denied, "card accepted, PIN required")));
        Assert.That((pin.Result, pin.Reason, pin.PersonId), Is.EqualTo((AccessResult.Granted, "card and pin", "A-1")));
    }

    [Test]
    public void A_pin_alone_another_persons_pin_or_a_late_pin_is_denied()
    {
        var rule = Rule(NightOnly());

        Assert.That(rule.Apply(Pin("lobby"), Grant("A-1")).Reason, Is.EqualTo("card required before pin"));
        rule.Apply(Card("front"), Grant("A-1"));
        Assert.That(rule.Apply(Pin("lobby"), Grant("B-2")).Result, Is.EqualTo(AccessResult.Denied));
        rule.Apply(Card("front"), Grant("A-1"));
        _time.Advance(AccessModeOptions.DefaultPinAfterCardTimeout + TimeSpan.FromSeconds(1));
        Assert.That(rule.Apply(Pin("lobby"), Grant("A-1")).Result, Is.EqualTo(AccessResult.Denied));
    }

    [Test]
    public void Outside_the_hours_and_for_face_every_credential_stands_alone()
    {
        var rule = Rule(NightOnly());
        _time.Advance(TimeSpan.FromHours(10)); // Thursday 09:00

        Assert.That(rule.Apply(Card("front"), Grant("A-1")).Result, Is.EqualTo(AccessResult.Granted));
        _time.Advance(TimeSpan.FromHours(14)); // Thursday 23:00, inside the hours again
        var face = new AccessAttempt("camera", new FaceMatchCredential("A-1", 0.8f, null, 0), 0);
        Assert.That(rule.Apply(face, Grant("A-1")).Result, Is.EqualTo(AccessResult.Granted), "face is never made to wait for a second factor");
    }

    [Test]
    public void Denials_are_never_turned_into_grants()
    {
        var rule = Rule(NightOnly());

        Assert.That(rule.Apply(Card("front"), AccessVerdict.Deny(null, "unknown card")).Result, Is.EqualTo(AccessResult.Denied));
        Assert.That(rule.Apply(Pin("lobby"), new AccessVerdict(AccessResult.LockedOut, null, "keypad locked out")).Result, Is.EqualTo(AccessResult.LockedOut));
    }

    [TestCase(DayOfWeek.Monday, 23, true)]
    [TestCase(DayOfWeek.Tuesday, 5, true)]
    [TestCase(DayOfWeek.Tuesday, 6, false)]
    [TestCase(DayOfWeek.Saturday, 23, false)]
    [TestCase(DayOfWeek.Saturday, 2, true)]
    [TestCase(DayOfWeek.Sunday, 2, false)]
    public void A_window_past_midnight_belongs_to_the_day_it_starts(DayOfWeek day, int hour, bool inside)
    {
        var window = new ScheduleWindow
        {
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            Start = TimeSpan.FromHours(22),
            End = TimeSpan.FromHours(6),
        };
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var at = monday.AddDays(((int)day + 6) % 7).AddHours(hour);

        Assert.That(window.Contains(at), Is.EqualTo(inside), at.ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void The_validator_names_the_schedule_key_of_a_bad_time()
    {
        var options = new AccessModeOptions { Mode = AccessMode.CardAndPin, CardAndPinSchedule = [new ScheduleWindow { Start = TimeSpan.FromHours(25) }] };

        var result = new AccessModeOptionsValidator().Validate(null, options);

        Assert.That(result.FailureMessage, Does.Contain("Access:CardAndPinSchedule:0:Start"));
    }

    private static AccessModeOptions NightOnly() => new()
    {
        Mode = AccessMode.CardAndPin,
        CardAndPinSchedule = [new ScheduleWindow { Start = TimeSpan.FromHours(22), End = TimeSpan.FromHours(6) }],
    };

    private CardAndPinRule Rule(AccessModeOptions options) => new(new StaticMonitor(options), Pairs, _time);

    private static AccessAttempt Card(string reader) => new(reader, new CardCredential(new CardNumber("H10301", 13, 13067, 26, 0)), 0);

    private static AccessAttempt Pin(string keypad) => new(keypad, new PinCredential("2580"), 0);

    private static AccessVerdict Grant(string person) => AccessVerdict.Grant(person, "test");

    private sealed class StaticMonitor(AccessModeOptions value) : IOptionsMonitor<AccessModeOptions>
    {
        public AccessModeOptions CurrentValue => value;

        public AccessModeOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AccessModeOptions, string?> listener) => null;
    }
}
