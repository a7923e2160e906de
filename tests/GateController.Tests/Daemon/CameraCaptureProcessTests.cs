using System.Globalization;
using GateController.Tests.Vision.Camera;
using static GateController.Tests.Daemon.FaceWorkerStatus;

namespace GateController.Tests.Daemon;

/// <summary>
/// The real daemon reading a video file: the face worker decodes it through an ffmpeg child, which runs under the
/// worker's niceness and sandbox, and whose death is a camera failure the worker recovers from by itself.
/// </summary>
[NonParallelizable]
public sealed class CameraCaptureProcessTests
{
    private const int SigKill = 9;
    private string _directory = "";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemonOnAClip()
    {
        _directory = Directory.CreateTempSubdirectory("gate-capture-").FullName;
        var clip = TestClips.Write(Path.Combine(_directory, "clip.avi"), frames: 250, width: 320, height: 240);
        _daemon = await DaemonProcess.StartAsync(Path.Combine(_directory, "data"), "--camera", clip, "--set", "Vision:Camera:FrameRateLimit=10");
        await WaitForRunningWorkerAsync(_daemon);
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Test, Order(1)]
    public async Task Capture_runs_in_an_ffmpeg_child_of_the_worker_with_its_niceness_and_sandbox()
    {
        var worker = Pid(await WaitForRunningWorkerAsync(_daemon))!.Value;
        var ffmpeg = await CaptureChildOfAsync(worker);

        Assert.That(ProcStat(ffmpeg)[16], Is.EqualTo("10"), "niceness");
        Assert.That(File.ReadAllText($"/proc/{ffmpeg}/status"), Does.Contain("NoNewPrivs:\t1"));
        var limits = File.ReadAllLines($"/proc/{ffmpeg}/limits");
        Assert.That(limits.Single(l => l.StartsWith("Max open files", StringComparison.Ordinal)), Does.Contain("256"));
        Assert.That(limits.Single(l => l.StartsWith("Max core file size", StringComparison.Ordinal)), Does.Match(@"\s0\s+0\s"));
    }

    [Test, Order(2)]
    public async Task Killing_ffmpeg_is_a_camera_failure_the_worker_reconnects_from()
    {
        var worker = Pid(await WaitForRunningWorkerAsync(_daemon))!.Value;
        var ffmpeg = await CaptureChildOfAsync(worker);
        var before = Reconnects(await StatusAsync(_daemon));

        DaemonProcess.Signal(ffmpeg, SigKill);
        var status = await WaitForAsync(_daemon, s => Reconnects(s) > before && s["camera"]?["connection"]?.GetValue<string>() == "Connected", "the camera reconnected");

        Assert.That(Pid(status), Is.EqualTo(worker), "the worker itself carried on");
        Assert.That(await CaptureChildOfAsync(worker), Is.Not.EqualTo(ffmpeg));
        Assert.That(_daemon.HasExited, Is.False);
    }

    private static long Reconnects(System.Text.Json.Nodes.JsonNode status) => status["camera"]?["reconnects"]?.GetValue<long>() ?? -1;

    private static async Task<int> CaptureChildOfAsync(int parent)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && TryProcStat(pid) is { } stat && stat[1] == parent.ToString(CultureInfo.InvariantCulture)
                    && File.ReadAllText($"/proc/{pid}/comm").Trim() == "ffmpeg")
                {
                    return pid;
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail($"no ffmpeg child of the face worker {parent}");
        return 0;
    }

    /// <summary>The fields of /proc/PID/stat after the parenthesised command name: [0] state, [1] ppid, … [16] nice.</summary>
    private static string[] ProcStat(int pid) => TryProcStat(pid) ?? throw new InvalidOperationException($"process {pid} is gone");

    private static string[]? TryProcStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
