using GateController.Core.Events;
using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.FaceTracking;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Rules;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Storage.AccessRules;
using GateController.Storage.Credentials;
using GateController.Storage.Store;
using GateController.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Rules;

/// <summary>
/// The daemon's decision path without the daemon: a real store in a temp directory, its credential index and
/// access rule set, the real face, card and PIN verifiers, the site rules in the daemon's order, and the engine
/// driving a relay on the simulated chip. The store's fake clock is the only clock.
/// </summary>
internal sealed class RulesRig : IDisposable
{
    public const string Card = "H10301:13:13067";
    public const string Pin = "2580";

    private readonly StoreSandbox _sandbox = new();
    private readonly GpioController _gpio;
    private readonly SimulatedGpioDriver _driver;
    private readonly DoorSet _doors;
    private readonly CountingOpener _opener;
    private readonly StoredCredentialDirectory _credentials;
    private readonly StoredAccessRules _rules;
    private readonly AccessDecisionEngine _engine;

    public RulesRig(string timeZone, AccessRulesOptions? options = null, DateTimeOffset? startUtc = null)
    {
        Options = options ?? new AccessRulesOptions();
        if (startUtc is { } start)
        {
            Time.SetUtcNow(start);
        }

        Store = _sandbox.Open();
        _driver = new SimulatedGpioDriver(Time);
        _gpio = new GpioController(_driver);
        var events = new AccessEventPublisher([]);
        _doors = new DoorSet(
            [
                new DoorController(1, new DoorOptions(), new GpioRelayOutput(_gpio, new RelayOptions { Pin = 17 }, NullLogger<GpioRelayOutput>.Instance), events, Time, NullLogger.Instance),
                new DoorController(2, new DoorOptions(), new GpioRelayOutput(_gpio, new RelayOptions { Pin = 27 }, NullLogger<GpioRelayOutput>.Instance), events, Time, NullLogger.Instance),
            ],
            new Dictionary<string, int>());
        _opener = new CountingOpener(_doors);
        _credentials = new StoredCredentialDirectory(Store);
        _rules = new StoredAccessRules(Store);
        var monitor = new FixedOptionsMonitor<AccessRulesOptions>(Options);
        var clock = new SiteClock(Time, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        var keypads = new Dictionary<string, string> { ["front-keypad"] = "front" };
        AntiPassback = new AntiPassbackRule(monitor, keypads, TestPseudonyms.Instance, Time, NullLogger<AntiPassbackRule>.Instance);
        _engine = new AccessDecisionEngine(
            [
                new FaceMatchVerifier(new FixedOptionsMonitor<FaceDecisionOptions>(new FaceDecisionOptions()), new FixedOptionsMonitor<FaceTrackingOptions>(new FaceTrackingOptions())),
                new CardVerifier(_credentials),
                new PinVerifier(_credentials, new KeypadLockout(Microsoft.Extensions.Options.Options.Create(new KeypadLockoutOptions()), Time), new NoDuressAlarm(), TestPseudonyms.Instance, Time, NullLogger<PinVerifier>.Instance),
            ],
            _opener,
            events,
            Time,
            NullLogger<AccessDecisionEngine>.Instance,
            [
                new PersonAccessRule(_rules, clock, monitor),
                new DoorMethodRule(monitor, keypads, clock),
                AntiPassback,
            ]);
    }

    public FakeTimeProvider Time => _sandbox.Time;

    public AntiPassbackRule AntiPassback { get; }

    public GateStore Store { get; }

    public AccessRulesOptions Options { get; }

    public StoreSandbox Sandbox => _sandbox;

    /// <summary>Doors the engine opened (a pulse asked for during a pulse counts too, as the old relay's pulses did).</summary>
    public long Pulses => _opener.Opened;

    private sealed class CountingOpener(IDoorOpener doors) : IDoorOpener
    {
        private long _opened;

        public long Opened => Interlocked.Read(ref _opened);

        public AccessAttempt AssignDoor(AccessAttempt attempt) => doors.AssignDoor(attempt);

        public DoorOpenOutcome Open(AccessAttempt attempt)
        {
            var outcome = doors.Open(attempt);
            if (outcome == DoorOpenOutcome.Opened)
            {
                Interlocked.Increment(ref _opened);
            }

            return outcome;
        }
    }

    /// <summary>A resident with a card, a PIN and (for the face path) an enrolment the face credential names.</summary>
    public void AddResident(string id = "A-1", string card = Card, string pin = Pin)
    {
        Assert.That(Store.AddPerson(id, "Resident").Succeeded, Is.True);
        Assert.That(global::GateController.Readers.CardSpecification.TryParse(card, null, null, out var number, out var problem), Is.True, problem);
        Assert.That(Store.AddCard(id, number).Succeeded, Is.True);
        Assert.That(Store.SetPin(id, pin, duress: false).Succeeded, Is.True);
    }

    public void SaveGroup(string name, string[] windows, string[]? holidays = null, string[]? holidayWindows = null, int[]? doors = null)
    {
        Assert.That(AccessGroupText.TryCreate(name, windows, holidays ?? [], holidayWindows ?? [], doors ?? [], out var group, out var problem), Is.True, problem);
        Assert.That(Store.SaveGroup(group!).Succeeded, Is.True);
    }

    public void SetAccess(string id, PersonAccessUpdate update)
    {
        var result = Store.SetPersonAccess(id, update);
        Assert.That(result.Succeeded, Is.True, result.Refusal?.Message);
    }

    /// <summary>Sets the fake clock to a wall-clock time in <paramref name="zone"/> (never backwards).</summary>
    public void SetLocal(string zone, int year, int month, int day, int hour, int minute, int second = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        Time.SetUtcNow(TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    public AccessVerdict SwipeCard(string reader = "front", int door = 1, string card = Card)
    {
        Assert.That(global::GateController.Readers.CardSpecification.TryParse(card, null, null, out var number, out var problem), Is.True, problem);
        return _engine.DecideNow(new AccessAttempt(reader, new CardCredential(number), Time.GetTimestamp()) { Door = door }).Verdict;
    }

    public AccessVerdict TypePin(string keypad = "front-keypad", int door = 1, string pin = Pin) =>
        _engine.DecideNow(new AccessAttempt(keypad, new PinCredential(pin), Time.GetTimestamp()) { Door = door }).Verdict;

    public async Task<AccessVerdict> ShowFace(string personId = "A-1", int door = 1) =>
        (await _engine.SubmitAsync(new AccessAttempt("camera", new FaceMatchCredential(personId, 0.8f, null, 0), Time.GetTimestamp()) { Door = door })).Verdict;

    public void Dispose()
    {
        _engine.Dispose();
        _rules.Dispose();
        _credentials.Dispose();
        _doors.Dispose();
        _gpio.Dispose();
        Store.Dispose();
        _sandbox.Dispose();
    }

    private sealed class NoDuressAlarm : IDuressAlarm
    {
        public void Raise(DuressAlert alert)
        {
        }
    }
}
