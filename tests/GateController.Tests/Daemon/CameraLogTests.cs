namespace GateController.Tests.Daemon;

/// <summary>The camera worker's own lines reach the daemon's output (the journal, under systemd), for the technician's "last hour of the camera".</summary>
public sealed class CameraLogTests
{
    [Test]
    public async Task A_failing_camera_is_logged_by_the_worker_with_its_event_id()
    {
        var directory = Directory.CreateTempSubdirectory("gate-camera-log-").FullName;
        try
        {
            var missing = Path.Combine(directory, "gone.mp4");
            await using var daemon = await DaemonProcess.StartAsync(Path.Combine(directory, "data"), "--camera", missing);

            for (var attempt = 0; attempt < 600 && !daemon.Log.Contains("[2101]", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(100);
            }

            Assert.That(daemon.Log, Does.Contain($"CameraFrameSource[2101] Camera video file {missing} failed"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
