using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Hardware.Wiegand;
using GateController.Tests.Credentials;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Hardware;

/// <summary>The whole card path on the simulated chip: pulse train → listener → engine → relay pin.</summary>
public sealed class CardToRelayTests
{
    [Test]
    public async Task An_enrolled_card_swiped_at_the_reader_pulses_the_relay_pin()
    {
        var time = new FakeTimeProvider();
        var driver = new SimulatedGpioDriver(time);
        using var gpio = new GpioController(driver);
        var events = new AccessEventPublisher([]);
        using var doors = new DoorSet(
            [new DoorController(1, new DoorOptions(), new GpioRelayOutput(gpio, new RelayOptions { Pin = 17 }, NullLogger<GpioRelayOutput>.Instance), events, time, NullLogger.Instance)],
            new Dictionary<string, int>());
        using var hasher = new PinHasher(new byte[PinHasher.MinimumPepperBytes]);
        var directory = new InMemoryCredentialDirectory(hasher);
        directory.TryAddCard("alice", WiegandFrameDecoder.Default.Decode(WiegandEncoder.Encode("H10301:13:13067")).Card!.Value);
        using var engine = new AccessDecisionEngine(
            [new CardVerifier(directory)], doors, events, time, NullLogger<AccessDecisionEngine>.Instance);
        var decisions = new List<Task<AccessDecision>>();
        var options = new WiegandReaderOptions { Id = "front-gate", Data0Pin = 23, Data1Pin = 24 };
        using var listener = new WiegandGpioListener(gpio, options, attempt =>
        {
            var decision = engine.SubmitAsync(attempt);
            decisions.Add(decision);
            return decision;
        }, time, NullLogger<WiegandGpioListener>.Instance);

        foreach (var card in new[] { "H10301:13:13068", "H10301:13:13067" })
        {
            foreach (var pulse in WiegandEncoder.ToPulseTrain(WiegandEncoder.Encode(card)))
            {
                var pin = pulse.Line == WiegandLine.Data0 ? options.Data0Pin : options.Data1Pin;
                time.Advance(WiegandEncoder.DefaultPulseInterval - WiegandEncoder.DefaultPulseWidth);
                driver.SimulateEdge(pin, PinEventTypes.Falling);
                time.Advance(WiegandEncoder.DefaultPulseWidth);
                driver.SimulateEdge(pin, PinEventTypes.Rising);
            }

            time.Advance(options.FrameGap);
        }

        var results = await Task.WhenAll(decisions).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(results.Select(d => d.Verdict.Result), Is.EqualTo(new[] { AccessResult.Denied, AccessResult.Granted }));
        Assert.That(results[1].Event.Person, Is.EqualTo("alice"));
        Assert.That(driver.Writes.Count(w => w.Pin == 17 && w.Value == PinValue.High), Is.EqualTo(1));
        Assert.That(doors.Doors.Single().State.Relay, Is.EqualTo(DoorRelayState.Unlocked));
    }
}
