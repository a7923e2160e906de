using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>How the daemon runs and supervises its face processes (<c>Face:Worker</c>).</summary>
public sealed class FaceWorkerOptions
{
    public const string Section = "Face:Worker";

    /// <summary>A 1080p frame is 2 MP and a phone photo 12-50 MP; 30,000 × 30,000 px (900 MP) took 3 GB to decode.</summary>
    public const long DefaultMaximumImagePixels = 50_000_000;

    /// <summary>
    /// Measured: the worker settles at about 200 MB RSS on x64 with both models open at 1080p (README, "Face worker");
    /// the cap leaves room for a 50 MP upload in an analysis process and stops a leak well before a 2 GB Pi runs out.
    /// </summary>
    public const int DefaultMemoryLimitMegabytes = 768;

    /// <summary>The program to start as <c>PROGRAM face-worker</c>; empty means this daemon's own executable.</summary>
    public string Executable { get; set; } = "";

    /// <summary>Heartbeats come twice a second; this long without one and the worker is taken as hung and replaced.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Opening the models takes a second or two; under emulation or on a cold SD card much longer.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first restart's delay; each restart in a row doubles it up to <see cref="MaximumRestartDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MaximumRestartDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A worker that ran this long before it ended starts the backoff afresh.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Resident memory of a face process above which it is killed and restarted.</summary>
    [Range(64, 65536)]
    public int MemoryLimitMegabytes { get; set; } = DefaultMemoryLimitMegabytes;

    /// <summary>Uploads and camera frames declaring more pixels are refused.</summary>
    [Range(1, 1_000_000_000)]
    public long MaximumImagePixels { get; set; } = DefaultMaximumImagePixels;

    /// <summary>An analysis process (enrol, identify) that has not answered by then is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan AnalysisTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A directory holding another libonnxruntime.so (a Jetson's GPU build); empty uses the bundled one.</summary>
    public string NativeLibraryDirectory { get; set; } = "";
}

[OptionsValidator]
public sealed partial class FaceWorkerOptionsValidator : IValidateOptions<FaceWorkerOptions>;
