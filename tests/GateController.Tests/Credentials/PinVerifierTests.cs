using GateController.Core.Access;
using GateController.Core.Credentials;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Credentials;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PinVerifierTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly PinHasher _hasher = new(new byte[PinHasher.MinimumPepperBytes]);
    private readonly InMemoryCredentialDirectory _directory;
    private readonly RecordingDuressAlarm _alarm = new();
    private readonly PinVerifier _verifier;

    public PinVerifierTests()
    {
        _directory = new InMemoryCredentialDirectory(_hasher);
        Assert.That(_directory.SetPin("alice", "4711"), Is.EqualTo(PinPolicyResult.Acceptable));
        Assert.That(_directory.SetDuressPin("alice", "4712"), Is.EqualTo(PinPolicyResult.Acceptable));
        _verifier = new PinVerifier(_directory, new KeypadLockout(Options.Create(new KeypadLockoutOptions()), _time), _alarm, TestPseudonyms.Instance, _time, NullLogger<PinVerifier>.Instance);
    }

    public void Dispose() => _hasher.Dispose();

    private AccessVerdict Enter(string pin, string keypad = "front") => _verifier.Verify(new AccessAttempt(keypad, new PinCredential(pin), 0));

    [Test]
    public void The_right_pin_grants()
    {
        Assert.That(Enter("4711"), Is.EqualTo(AccessVerdict.Grant("alice", "pin")));
        Assert.That(_alarm.Alerts, Is.Empty);
    }

    [Test]
    public void A_wrong_pin_is_denied_without_naming_anyone()
    {
        Assert.That(Enter("5808"), Is.EqualTo(AccessVerdict.Deny(null, "wrong pin")));
    }

    [Test]
    public void The_duress_pin_grants_exactly_like_the_normal_pin_and_raises_a_silent_alert()
    {
        var verdict = Enter("4712", "back");

        Assert.That(verdict, Is.EqualTo(Enter("4711")));
        var alert = _alarm.Alerts.Single();
        Assert.That((alert.PersonId, alert.KeypadId), Is.EqualTo(("alice", "back")));
    }

    [Test]
    public void After_five_wrong_pins_the_keypad_refuses_even_the_right_pin()
    {
        for (var i = 0; i < 5; i++)
        {
            Enter("5808");
        }

        Assert.That(Enter("4711").Result, Is.EqualTo(AccessResult.LockedOut));
        Assert.That(Enter("4711", "back").Result, Is.EqualTo(AccessResult.Granted), "other keypads are unaffected");
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(Enter("4711").Result, Is.EqualTo(AccessResult.Granted));
    }

    [Test]
    public void A_locked_keypad_never_stops_a_card()
    {
        Assert.That(_directory.TryAddCard("alice", new CardNumber("H10301", 13, 13067, 26, 0x21A6616)), Is.True);
        for (var i = 0; i < 5; i++)
        {
            Enter("5808", "front");
        }

        var verdict = new CardVerifier(_directory).Verify(new AccessAttempt("front", new CardCredential(new CardNumber("H10301", 13, 13067, 26, 0x21A6616)), 0));

        Assert.That(verdict.Result, Is.EqualTo(AccessResult.Granted));
    }

    [Test]
    public void The_pin_is_cleared_once_checked()
    {
        var pin = new PinCredential("4711");
        _verifier.Verify(new AccessAttempt("front", pin, 0));

        Assert.That(pin.IsCleared, Is.True);
    }

    [Test]
    public void Enrolment_refuses_trivial_and_already_used_pins()
    {
        Assert.That(_directory.SetPin("bob", "1234"), Is.EqualTo(PinPolicyResult.Sequence));
        Assert.That(_directory.SetPin("bob", "4711"), Is.EqualTo(PinPolicyResult.InUse));
        Assert.That(_directory.SetPin("bob", "4712"), Is.EqualTo(PinPolicyResult.InUse));
        Assert.That(_directory.SetDuressPin("alice", "4711"), Is.EqualTo(PinPolicyResult.InUse));
        Assert.That(_directory.SetPin("alice", "4711"), Is.EqualTo(PinPolicyResult.Acceptable), "re-setting one's own PIN is fine");
    }

    private sealed class RecordingDuressAlarm : IDuressAlarm
    {
        public List<DuressAlert> Alerts { get; } = [];

        public void Raise(DuressAlert alert) => Alerts.Add(alert);
    }
}
