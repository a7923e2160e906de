using System.Diagnostics;
using System.Text.Json;
using GateController.Benchmarks.Daemon;

namespace GateController.Benchmarks.Idle;

/// <summary>
/// <c>idle [--seconds N] [--photo FILE] [--json]</c>: CPU seconds per second of the real daemon on a static scene (a
/// clip made at run time with ffmpeg from one photo, deleted afterwards), in one run: face disabled (the baseline),
/// face on with motion gating (the default), and face on with the gate off. Per process: the daemon, its face worker and
/// the worker's ffmpeg (the camera's decoding).
/// </summary>
internal sealed class IdleCommand : IBenchmarkCommand
{
    private const double GoalCores = 0.05;

    public string Name => "idle";

    public string Description => "CPU of the daemon and face worker on a static scene, face off vs on (--seconds N [--json])";

    public int Run(BenchmarkArguments arguments)
    {
        var seconds = arguments.Integer("seconds", 30);
        var photo = arguments.Has("photo") ? arguments.Required("photo") : Path.Combine("..", "shared", "faces", "deepface_01", "01.jpg");
        var root = Directory.CreateTempSubdirectory("gate-idle-").FullName;
        try
        {
            var clip = StillClip(photo, Path.Combine(root, "static.mp4"));
            (string Name, string[] Settings)[] stages =
            [
                ("faceDisabled", ["Face:Enabled=false"]),
                ("faceOnMotionGated", [$"Vision:Camera:Source={clip}"]),
                ("faceOnUngated", [$"Vision:Camera:Source={clip}", "Face:Motion:Enabled=false"]),
            ];
            var results = stages.Select(stage => Measure(Path.Combine(root, stage.Name), stage.Name, stage.Settings, seconds)).ToList();
            var baseline = (double)results[0]["daemonCores"];
            foreach (var stage in results)
            {
                stage["daemonAndWorkerCores"] = Math.Round((double)stage["daemonCores"] + (double)stage["workerCores"], 4);
                stage["daemonOverFaceDisabled"] = Math.Round((double)stage["daemonCores"] / baseline, 2);
            }

            var result = new Dictionary<string, object> { ["seconds"] = seconds, ["clip"] = "1280x720 H.264 at 25 fps of one photo", ["stages"] = results, ["goal"] = $"daemon + worker <= {GoalCores} core with the face path on" };
            Console.WriteLine(arguments.Has("json") ? JsonSerializer.Serialize(result) : string.Join(Environment.NewLine, results.Select(r => string.Join("  ", r.Select(p => $"{p.Key}={p.Value}")))));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, object> Measure(string data, string name, string[] settings, int seconds)
    {
        Directory.CreateDirectory(data);
        using var daemon = BenchmarkDaemon.Start(data, settings);
        var faceOn = !settings.Contains("Face:Enabled=false");
        var status = daemon.WaitFor(TimeSpan.FromMinutes(3), "its camera connected", s =>
            !faceOn || (s["camera"]?["connection"]?.GetValue<string>() == "Connected" && s["faceWorker"]?["pid"] is not null));
        var worker = faceOn ? status["faceWorker"]!["pid"]!.GetValue<int>() : 0;
        Thread.Sleep(TimeSpan.FromSeconds(5)); // past start-up work (model load, first frames, JIT)
        var ffmpeg = faceOn ? ProcessCpu.Children(worker) : [];
        var before = Sample(daemon.ProcessId, worker, ffmpeg);
        var clock = Stopwatch.StartNew();
        var (analysedBefore, gatedBefore) = Frames(daemon);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        var after = Sample(daemon.ProcessId, worker, ffmpeg);
        var wall = clock.Elapsed.TotalSeconds;
        var (analysedAfter, gatedAfter) = Frames(daemon);
        Console.Error.WriteLine($"idle: {name} measured");
        return new Dictionary<string, object>
        {
            ["stage"] = name,
            ["daemonCores"] = Math.Round((after.Daemon - before.Daemon) / wall, 4),
            ["workerCores"] = Math.Round((after.Worker - before.Worker) / wall, 4),
            ["ffmpegCores"] = Math.Round((after.Ffmpeg - before.Ffmpeg) / wall, 4),
            ["framesAnalysedPerSecond"] = Math.Round((analysedAfter - analysedBefore) / wall, 2),
            ["framesGatedPerSecond"] = Math.Round((gatedAfter - gatedBefore) / wall, 2),
        };
    }

    private static (long Analysed, long Gated) Frames(BenchmarkDaemon daemon)
    {
        var camera = daemon.TryStatus()?["camera"];
        return (camera?["framesAnalysed"]?.GetValue<long>() ?? 0, camera?["framesGated"]?.GetValue<long>() ?? 0);
    }

    private static (double Daemon, double Worker, double Ffmpeg) Sample(int daemon, int worker, IReadOnlyList<int> ffmpeg) =>
        (ProcessCpu.Seconds(daemon) ?? 0, worker == 0 ? 0 : ProcessCpu.Seconds(worker) ?? 0, ffmpeg.Sum(pid => ProcessCpu.Seconds(pid) ?? 0));

    /// <summary>A 1280x720 clip holding one photo for 120 s, longer than a measurement (the camera restarts a recording at its end).</summary>
    private static string StillClip(string photo, string path)
    {
        var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-loop", "1", "-i", photo, "-t", "120", "-r", "25", "-vf", "scale=1280:720", "-c:v", "libx264", "-pix_fmt", "yuv420p", path })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException($"ffmpeg could not make the still clip: {error}");
    }
}
