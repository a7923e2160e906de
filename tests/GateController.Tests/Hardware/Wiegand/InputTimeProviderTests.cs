using GateController.Hardware.Wiegand;

namespace GateController.Tests.Hardware.Wiegand;

/// <summary>Behaviour only; how precisely it fires is measured by the latency benchmark, not asserted here.</summary>
public sealed class InputTimeProviderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public void A_one_shot_timer_fires_once_on_the_input_thread_and_not_before_it_is_due()
    {
        using var time = new InputTimeProvider();
        using var fired = new CountdownEvent(1);
        string? threadName = null;
        var armedAt = time.GetTimestamp();
        long firedAt = 0;

        using var timer = time.CreateTimer(_ =>
        {
            firedAt = time.GetTimestamp();
            threadName = Thread.CurrentThread.Name;
            fired.Signal();
        }, null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);

        Assert.That(fired.Wait(Patience), Is.True);
        Assert.That(time.GetElapsedTime(armedAt, firedAt), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(20)));
        Assert.That(threadName, Is.EqualTo("input-timers"));
    }

    [Test]
    public void Change_rearms_and_an_infinite_due_time_disarms()
    {
        using var time = new InputTimeProvider();
        var count = 0;
        using var fired = new ManualResetEventSlim();
        using var timer = time.CreateTimer(_ =>
        {
            Interlocked.Increment(ref count);
            fired.Set();
        }, null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
        Assert.That(fired.Wait(Patience), Is.True);
        fired.Reset();

        timer.Change(TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
        Assert.That(fired.Wait(Patience), Is.True);
        fired.Reset();
        timer.Change(TimeSpan.FromMilliseconds(30), Timeout.InfiniteTimeSpan);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        Assert.That(fired.Wait(TimeSpan.FromMilliseconds(200)), Is.False, "a disarmed timer does not fire");
        Assert.That(count, Is.EqualTo(2));
    }

    [Test]
    public void Timers_fire_in_due_order()
    {
        using var time = new InputTimeProvider();
        var order = new List<int>();
        using var done = new CountdownEvent(2);
        using var late = time.CreateTimer(_ => { lock (order) { order.Add(2); } done.Signal(); }, null, TimeSpan.FromMilliseconds(40), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => { lock (order) { order.Add(1); } done.Signal(); }, null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);

        Assert.That(done.Wait(Patience), Is.True);
        Assert.That(order, Is.EqualTo(new[] { 1, 2 }));
    }
}
