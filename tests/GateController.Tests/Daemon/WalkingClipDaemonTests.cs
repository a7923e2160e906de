using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Tests.Vision;
using static GateController.Tests.Daemon.FaceWorkerStatus;

namespace GateController.Tests.Daemon;

/// <summary>
/// The real daemon playing the walking clip (../shared/faces/video, 25 fps, several people walking up) with one of
/// them enrolled from a still of the clip: that person is granted on k of n frames of their track, and the walkers
/// nobody enrolled end as unknowns.
/// </summary>
[NonParallelizable]
public sealed class WalkingClipDaemonTests
{
    private const string Walker = "W-1";

    /// <summary>1.2 s in: the walkers' faces are past 60 px (76-117 px over the clip, SOURCES.md).</summary>
    private const string StillAt = "1.2";

    private string _directory = "";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemonOnTheClip()
    {
        _directory = Directory.CreateTempSubdirectory("gate-walking-clip-").FullName;
        var clip = FaceData.PathOf("video/people_walking_to_camera.mp4");
        var frame = Path.Combine(_directory, "frame.png");
        Ffmpeg("-ss", StillAt, "-i", clip, "-frames:v", "1", frame);
        // This is about tracks on footage: the walkers turn and blur, and the gate's quality limits (FaceQualityGateTests)
        // would leave too few frames of the one face enrolled from a profile still, so they are opened up here.
        _daemon = await DaemonProcess.StartAsync(
            Path.Combine(_directory, "data"),
            "--camera", clip,
            "--set", "Face:Quality:MaximumYawDegrees=90",
            "--set", "Face:Quality:MinimumSharpness=0",
            "--set", "Face:Quality:MinimumInterEyePixels=0");
        await WaitForAsync(_daemon, s => s["face"]?["state"]?.GetValue<string>() == "healthy", "the face models");
        // The still shows several walkers and enrolment takes one face: cut out the largest, as the worker decides on it.
        var faces = JsonNode.Parse((await _daemon.GatectlAsync("identify", "--json", frame)).StandardOutput)!["faces"]!.AsArray();
        var box = faces.Select(f => f!["box"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).MaxBy(b => b[2])!;
        var side = (int)(box[2] * 1.8);
        var (x, y) = ((int)Math.Max(0, box[0] + (box[2] / 2) - (side / 2)), (int)Math.Max(0, box[1] + (box[3] / 2) - (side / 2)));
        var still = Path.Combine(_directory, "walker.png");
        Ffmpeg("-i", frame, "-vf", string.Create(CultureInfo.InvariantCulture, $"crop={side}:{side}:{x}:{y}"), still);
        Assert.That((await _daemon.GatectlAsync("person", "add", "--id", Walker, "--name", "Walker One")).ExitCode, Is.Zero);
        var enrolled = await _daemon.GatectlAsync("face", "enroll", "--id", Walker, "--consent", "paper form 2026-412", still);
        Assert.That(enrolled.ExitCode, Is.Zero, enrolled.ToString());
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task The_enrolled_walker_is_granted_on_k_of_n_frames_of_one_track()
    {
        var status = await WaitForAsync(_daemon, s => s["faceTracking"]?["granted"]?.GetValue<long>() >= 1, "a face grant on the clip", TimeSpan.FromMinutes(2));

        var grant = (await EventsAsync(_daemon)).First(e => IsFaceGrantFor(e, Walker));
        Assert.That(grant["reason"]!.GetValue<string>(), Does.Match("face match, [2-3] of [2-3] frames"));
        Assert.That(status["faceTracking"]!["tracks"]!.GetValue<long>(), Is.GreaterThan(1), "the other walkers were tracks of their own");
    }

    [Test]
    public async Task The_walkers_nobody_enrolled_end_as_unknowns_and_are_counted()
    {
        var status = await WaitForAsync(_daemon, s => s["faceTracking"]?["unknown"]?.GetValue<long>() >= 1, "an unknown on the clip", TimeSpan.FromMinutes(2));

        var unknown = (await EventsAsync(_daemon)).First(e => e["result"]!.GetValue<string>() == "unknown");
        Assert.That(unknown["reader"]!.GetValue<string>(), Is.EqualTo("camera"));
        Assert.That(unknown["person"]?.GetValue<string>(), Is.Null);
        Assert.That((await EventsAsync(_daemon)).Where(e => e["result"]!.GetValue<string>() == "granted" && !IsFaceGrantFor(e, Walker)), Is.Empty);
    }

    private static void Ffmpeg(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, error);
    }
}
