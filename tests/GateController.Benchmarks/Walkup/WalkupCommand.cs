using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GateController.Core.FaceTracking;
using GateController.Face;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using GateController.Vision.Pipeline;

namespace GateController.Benchmarks.Walkup;

/// <summary>
/// <c>walkup [--fps F] [--clip-loops N] [--json]</c>: every person of ../shared/faces enrolled from photo 01, then, at the
/// camera's real frame rate through a real face worker and the daemon's handler, tracker and engine: (1) each person's
/// probe photo walking up (scaled from 36 to 160 px of face over 24 frames, made at run time), (2) the walking clip
/// with one of its walkers enrolled from a still of it. Time to decision from the first frame with a face of at least
/// 60 px to the grant, p50 and p95, in frames and ms, and CPU time (worker + daemon side) per decided person.
/// </summary>
internal sealed class WalkupCommand : IBenchmarkCommand
{
    public string Name => "walkup";

    public string Description => "time from a face reaching 60 px to the grant, through the face worker at the camera's frame rate ([--fps F] [--clip-loops N] [--json])";

    public int Run(BenchmarkArguments arguments)
    {
        var fps = arguments.Integer("fps", (int)CameraOptions.DefaultFrameRateLimit);
        var faces = ModelLocations.FindShared(Path.Combine("shared", "faces")) ?? throw new ArgumentException("no ancestor directory holds shared/faces");
        var catalog = ModelCatalog.LoadEmbedded();
        using var http = new HttpClient();
        var fetcher = new ModelFetcher(new ModelOptions(), http);
        string Fetch(string file) => fetcher.FetchAsync(catalog.GetModel(file)).GetAwaiter().GetResult();
        var files = new FaceModelFiles(Fetch(ModelOptions.DefaultDetector), catalog.GetModel(ModelOptions.DefaultDetector),
            Fetch(ModelOptions.DefaultEmbedder), catalog.GetModel(ModelOptions.DefaultEmbedder), new FaceDetectorOptions(), ModelOptions.DefaultIntraOpThreads);
        var dimension = catalog.GetModel(ModelOptions.DefaultEmbedder).EmbeddingDimension!.Value;
        using var analyzer = FaceAnalyzer.Open(files.DetectorPath, files.Detector, files.EmbedderPath, files.Embedder, new FaceDetectorOptions(), new TemplateIndex(dimension), 1);

        var persons = Directory.GetDirectories(faces).Select(Path.GetFileName).OfType<string>()
            .Where(p => p is not ("groups" or "negatives" or "video")).Order(StringComparer.Ordinal)
            .Select(p => (Person: p, Photos: ImageFiles.Under(Path.Combine(faces, p)).Order(StringComparer.Ordinal).ToList()))
            .Where(p => p.Photos.Count >= 2).ToList();
        var index = new TemplateIndex(dimension);
        foreach (var (person, photos) in persons)
        {
            using var photo = FaceImage.Load(photos[0]);
            if (analyzer.AnalyzeAndEmbed(photo).Embedding is { } embedding)
            {
                index.Add(person, embedding);
            }
        }

        var work = Directory.CreateTempSubdirectory("gate-walkup-").FullName;
        try
        {
            var video = Path.Combine(faces, "video", "people_walking_to_camera.mp4");
            var loops = arguments.Integer("clip-loops", 3);
            var clip = Clip(work, video, analyzer, index, files, fps, loops, new FaceTrackingOptions());
            var single = Clip(work, video, analyzer, index, files, fps, loops, new FaceTrackingOptions { RequiredMatchingFrames = 1, WindowFrames = 1 });
            var result = new Dictionary<string, object?>
            {
                ["enrolledPersons"] = index.PersonCount,
                ["fps"] = fps,
                ["goalFrames"] = 3,
                ["goalMs"] = 3 * 1000.0 / fps,
                ["photos"] = Photos(work, persons.Select(p => (p.Person, p.Photos[1])), analyzer, index, files, fps),
                ["clip"] = clip,
                // The baseline, in the same run: one frame decides (k = n = 1), as before tracking.
                ["clipSingleFrame"] = single,
                ["clipMsP50RatioToSingleFrame"] = Math.Round((double)clip["msP50"]! / (double)single["msP50"]!, 2),
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            };
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = !arguments.Has("json") }));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Dictionary<string, object?> Photos(string work, IEnumerable<(string, string)> walkers, FaceAnalyzer analyzer, TemplateIndex index, FaceModelFiles files, int fps)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "photos")).FullName;
        var order = WalkupScenes.Write(folder, walkers, analyzer);
        var frames = Directory.GetFiles(folder).Length;
        // One pass of the folder; each person's first grant is their approach.
        var (observations, grants, cpu) = Play(index, files, new CameraOptions { Source = folder, FrameRateLimit = fps }, TimeSpan.FromSeconds((frames / (double)fps) + 1), new FaceTrackingOptions());
        var firstGrants = grants.GroupBy(g => g.Person).Select(g => g.First()).ToList();
        return Report(order.Count, observations, firstGrants, cpu, wrong: firstGrants.Count(g => !order.Contains(g.Person)));
    }

    private static Dictionary<string, object?> Clip(string work, string clip, FaceAnalyzer analyzer, TemplateIndex index, FaceModelFiles files, int fps, int loops, FaceTrackingOptions tracking)
    {
        const string Walker = "clip-walker";
        var still = Path.Combine(work, "still.png");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-ss", "1.2", "-i", clip, "-frames:v", "1", still]))!)
        {
            ffmpeg.WaitForExit();
        }

        using (var photo = FaceImage.Load(still))
        {
            index.Add(Walker, analyzer.AnalyzeAndEmbed(photo).Embedding ?? throw new InvalidOperationException("no face in the clip's still"));
        }

        // 105 frames at 25 fps a loop; the clip is rewound, and each loop is one approach of the walker (3 s more: ffprobe
        // and the first decode come after the worker's hello).
        var (observations, grants, cpu) = Play(index, files, new CameraOptions { Source = clip, FrameRateLimit = fps }, TimeSpan.FromSeconds((loops * 4.2) + 3), tracking);
        index.RemovePerson(Walker);
        return Report(loops, observations, [.. grants.Where(g => g.Person == Walker)], cpu, wrong: grants.Count(g => g.Person != Walker));
    }

    private static (List<(long, long, FaceBox)>, List<(long Sequence, long Decided, string Person)>, TimeSpan) Play(TemplateIndex index, FaceModelFiles files, CameraOptions camera, TimeSpan duration, FaceTrackingOptions tracking)
    {
        using var run = new WalkupRun(index, files, camera, tracking);
        Thread.Sleep(duration);
        var (observations, grants) = run.Snapshot();
        return (observations, grants, run.CpuSinceHello());
    }

    private static Dictionary<string, object?> Report(int approaches, List<(long, long, FaceBox)> observations, List<(long Sequence, long Decided, string Person)> grants, TimeSpan cpu, int wrong)
    {
        var times = TimeToDecision.Of(observations, grants, FaceTrackingOptions.DefaultTrackTimeoutFrames);
        var frames = times.Select(t => t.Frames).ToList();
        var milliseconds = times.Select(t => t.Milliseconds).ToList();
        return new Dictionary<string, object?>
        {
            ["approaches"] = approaches,
            ["decided"] = grants.Count,
            ["grantsOfAnotherPerson"] = wrong,
            ["observations"] = observations.Count,
            ["framesP50"] = Statistics.Median(frames),
            ["framesP95"] = Statistics.Percentile(frames, 95),
            ["msP50"] = Math.Round(Statistics.Median(milliseconds), 1),
            ["msP95"] = Math.Round(Statistics.Percentile(milliseconds, 95), 1),
            ["withinGoal"] = frames.Count(f => f <= 3),
            // Granted while the face was still under 60 px: counted as 0 frames and 0 ms above.
            ["decidedBelow60Px"] = frames.Count(f => f == 0),
            ["cpuMsPerDecidedPerson"] = grants.Count > 0 ? Math.Round(cpu.TotalMilliseconds / grants.Count, 1) : null,
        };
    }
}
