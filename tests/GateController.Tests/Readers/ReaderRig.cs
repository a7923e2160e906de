using System.Collections.Concurrent;
using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Hosting;
using GateController.Readers;
using GateController.Tests.Credentials;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Readers;

/// <summary>
/// The daemon's reader pieces in process: the simulated chip, the relay on GPIO 17, the real decision
/// engine with the PIN verifier and lockout over an in-memory directory, <see cref="ReaderFeedback"/> as a
/// sink, and <see cref="ReaderDeviceHost"/> and <see cref="ReaderHost"/> over the given configuration.
/// </summary>
internal sealed class ReaderRig : IDisposable
{
    public const int RelayPin = 17;

    private readonly PinHasher _hasher = new(new byte[PinHasher.MinimumPepperBytes]);
    private readonly DoorSet _doors;
    private readonly ReaderFeedback _feedback;
    private readonly BlockingCollection<AccessEvent> _events = [];
    private readonly GateController.Hardware.Wiegand.InputTimeProvider _inputTime = new();

    public ReaderRig(AccessPointOptions options)
    {
        Driver = new SimulatedGpioDriver(Time);
        Gpio = new GpioController(Driver);
        Directory = new InMemoryCredentialDirectory(_hasher);
        var wrapped = Options.Create(options);
        var lockout = new KeypadLockout(Options.Create(new KeypadLockoutOptions()), Time);
        _feedback = new ReaderFeedback(Gpio, wrapped, Time, NullLoggerFactory.Instance);
        var events = new AccessEventPublisher([_feedback, new RecordingSink(_events)]);
        _doors = new DoorSet(
            [new DoorController(1, new DoorOptions(), new GpioRelayOutput(Gpio, new RelayOptions { Pin = RelayPin }, NullLogger<GpioRelayOutput>.Instance), events, Time, NullLogger.Instance)],
            new Dictionary<string, int>());
        Engine = new AccessDecisionEngine(
            [new PinVerifier(Directory, lockout, new NoDuressAlarm(), TestPseudonyms.Instance, Time, NullLogger<PinVerifier>.Instance)],
            _doors,
            events,
            Time,
            NullLogger<AccessDecisionEngine>.Instance);
        var registry = new ReaderDeviceRegistry();
        DeviceHost = new ReaderDeviceHost(Gpio, Engine, wrapped, Options.Create(new DaemonOptions { Simulate = true }), registry, Time, Time, NullLoggerFactory.Instance);
        Status = new ReaderHost(Gpio, Engine, lockout, wrapped, registry, _inputTime, NullLoggerFactory.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public SimulatedGpioDriver Driver { get; }

    public GpioController Gpio { get; }

    public InMemoryCredentialDirectory Directory { get; }

    public AccessDecisionEngine Engine { get; }

    public ReaderDeviceHost DeviceHost { get; }

    public ReaderHost Status { get; }

    /// <summary>The next decision, from the engine's thread.</summary>
    public AccessEvent NextEvent(TimeSpan patience) =>
        _events.TryTake(out var accessEvent, patience) ? accessEvent : throw new TimeoutException($"No decision within {patience}.");

    /// <summary>Whether <paramref name="pin"/> was ever driven to <paramref name="value"/>.</summary>
    public bool WasWritten(int pin, PinValue value) => Driver.Writes.Any(w => w.Pin == pin && w.Value == value);

    public void Dispose()
    {
        DeviceHost.Dispose();
        Status.Dispose();
        Engine.Dispose();
        _feedback.Dispose();
        _doors.Dispose();
        Gpio.Dispose();
        _inputTime.Dispose();
        _hasher.Dispose();
        _events.Dispose();
    }

    private sealed class RecordingSink(BlockingCollection<AccessEvent> events) : IAccessEventSink
    {
        public void Publish(AccessEvent accessEvent) => events.Add(accessEvent);
    }

    private sealed class NoDuressAlarm : IDuressAlarm
    {
        public void Raise(DuressAlert alert)
        {
        }
    }
}
