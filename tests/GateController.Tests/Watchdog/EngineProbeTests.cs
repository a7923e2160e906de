using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Tests.Credentials;
using GateController.Tests.Door;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Tests.Watchdog;

/// <summary>The engine's probe goes through its queue and lock, so a stalled engine leaves it unanswered.</summary>
public sealed class EngineProbeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_running_engine_answers_the_probe()
    {
        using var rig = new DoorRig();
        using var engine = Engine(rig);

        await engine.ProbeAsync().WaitAsync(Generous);

        Assert.Pass("answered");
    }

    [Test]
    public async Task A_stalled_engine_leaves_the_probe_and_queued_attempts_waiting_until_released()
    {
        using var rig = new DoorRig();
        using var engine = Engine(rig);
        var stall = engine.Stall();
        var probe = engine.ProbeAsync();
        var attempt = engine.SubmitAsync(DoorRig.Attempt("front"));

        // The stall is ahead of both in the queue; a completed probe here would mean the probe bypasses the engine's thread.
        var answeredWhileStalled = await Task.WhenAny(probe, Task.Delay(TimeSpan.FromMilliseconds(300))) == probe;
        stall.Dispose();
        stall.Dispose();

        Assert.That(answeredWhileStalled, Is.False);
        await probe.WaitAsync(Generous);
        var decision = await attempt.WaitAsync(Generous);
        Assert.That(decision.Verdict.Result, Is.EqualTo(AccessResult.Granted), "the queued card is decided once the engine goes on");
    }

    [Test]
    public void A_disposed_engine_refuses_the_probe_instead_of_leaving_it_pending()
    {
        using var rig = new DoorRig();
        var engine = Engine(rig);
        engine.Dispose();

        Assert.That(() => engine.ProbeAsync(), Throws.TypeOf<ObjectDisposedException>());
    }

    private static AccessDecisionEngine Engine(DoorRig rig)
    {
        var hasher = new PinHasher(new byte[PinHasher.MinimumPepperBytes]);
        var directory = new InMemoryCredentialDirectory(hasher);
        directory.TryAddCard("A-1", ((CardCredential)DoorRig.Attempt("x").Credential).Card);
        return new AccessDecisionEngine([new CardVerifier(directory)], rig.Doors, rig.Events, rig.Time, NullLogger<AccessDecisionEngine>.Instance);
    }
}
