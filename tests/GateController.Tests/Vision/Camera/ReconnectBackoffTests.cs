using GateController.Vision.Camera;
using GateController.Vision.Imaging;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Vision.Camera;

public sealed class ReconnectBackoffTests
{
    [Test]
    public void Backoff_doubles_after_each_failure_up_to_the_maximum()
    {
        var max = TimeSpan.FromSeconds(5);
        var waits = new List<TimeSpan> { TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 4; i++)
        {
            waits.Add(ReconnectBackoff.Next(waits[^1], max));
        }

        Assert.That(waits.Select(w => w.TotalSeconds), Is.EqualTo(new double[] { 1, 2, 4, 5, 5 }));
    }

    [Test]
    public async Task Reconnect_attempts_wait_on_the_given_clock_not_the_wall_clock()
    {
        var clock = new FakeTimeProvider();
        var missing = Path.Combine(Path.GetTempPath(), $"gate-missing-{Guid.NewGuid():N}");
        using var camera = new CameraFrameSource(
            new CameraOptions { Source = missing, InitialBackoff = TimeSpan.FromHours(1), MaxBackoff = TimeSpan.FromHours(2) },
            ImageSizeLimit.Largest, clock);
        camera.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // An hour of backoff passes in no real time: only the fake clock moves.
        while (camera.Health.Reconnects < 3)
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, "the camera did not retry when the fake clock advanced");
            clock.Advance(TimeSpan.FromHours(1));
            await Task.Delay(5);
        }

        Assert.That(camera.Health.State, Is.EqualTo(CameraState.Reconnecting));
        Assert.That(camera.Health.LastError, Does.Contain(missing));
    }
}
