using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GateController.Benchmarks.Latency;
using GateController.Hosting;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using OpenCvSharp;

namespace GateController.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline-worker [--images DIR] [--json] [--detect-max-side S] [--frames N] [--fps F]</c>: the face path end to end as the
/// daemon runs it: one real <c>gate-controller face-worker</c> process over a folder of photos at the camera's frame rate
/// (the daemon's default 25 fps; a faster source only has frames dropped), its observations
/// matched and decided in this process. Per frame with a face: worker analysis start → decision (detect, align, embed,
/// channel, match, decide), median over frames. Then, in the same run on the same photos, the OpenCV-only reference's
/// per-image median (detect, align, embed, match; decoding excluded from both, as in <c>pipeline</c>).
/// </summary>
internal sealed class WorkerPipelineCommand : IBenchmarkCommand
{
    private const int DefaultDetectMaxSide = 256;
    private const int Rounds = 4;

    public string Name => "pipeline-worker";

    public string Description => "face path through the face-worker process vs the OpenCV-only reference ([--images DIR] [--json] [--frames N])";

    public int Run(BenchmarkArguments arguments)
    {
        var directory = arguments.Has("images") ? arguments.Required("images") : ModelLocations.FindShared(Path.Combine("shared", "faces"))
            ?? throw new ArgumentException("--images DIR is required when no ancestor directory holds shared/faces");
        var detectMaxSide = arguments.Integer("detect-max-side", DefaultDetectMaxSide);
        var paths = ImageFiles.Under(directory).ToList();
        var frames = arguments.Integer("frames", paths.Count * 2);
        var catalog = ModelCatalog.LoadEmbedded();
        using var http = new HttpClient();
        var fetcher = new ModelFetcher(new ModelOptions(), http);
        string Fetch(string file) => fetcher.FetchAsync(catalog.GetModel(file)).GetAwaiter().GetResult();

        var dimension = catalog.GetModel(ModelOptions.DefaultEmbedder).EmbeddingDimension!.Value;
        using var reference = new ReferencePipeline(Fetch("face_detection_yunet_2023mar.onnx"), Fetch(ModelOptions.Fp32Embedder));
        using var load = FaceProcessLoad.Start(1, Fetch(ModelOptions.DefaultDetector), Fetch(ModelOptions.DefaultEmbedder), paths,
            new FaceDetectorOptions { DetectionMaxSide = detectMaxSide }, arguments.Integer("fps", (int)CameraOptions.DefaultFrameRateLimit));
        Thread.Sleep(TimeSpan.FromSeconds(3));

        // Rounds that alternate: the worker alone (the reference idle), then the reference alone (the worker stopped), so
        // a change in the machine's other load weighs on both sides alike.
        List<double> referenceTimes = [];
        var referenceFound = 0;
        var chunk = (paths.Count + Rounds - 1) / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            load.SetRunning(true);
            load.Hops(stop: false);
            var target = load.EndToEnd().Count + (frames / Rounds);
            var deadline = Stopwatch.StartNew();
            while (load.EndToEnd().Count < target && deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(50);
            }

            load.Hops(stop: true);
            load.SetRunning(false);
            var (perImage, found) = AtFacePathNiceness(() => MeasureReference(reference, paths.Skip(round * chunk).Take(chunk), dimension));
            referenceTimes.AddRange(perImage);
            referenceFound += found;
        }

        load.SetRunning(true);
        var endToEnd = load.EndToEnd();
        var hops = load.Hops(stop: true);
        var workerResident = load.WorkerResidentBytes;

        var result = new Dictionary<string, object?>
        {
            ["images"] = paths.Count,
            ["framesWithFace"] = endToEnd.Count,
            ["workerEndToEndP50Ms"] = Round(Statistics.Median(endToEnd)),
            ["workerEndToEndP99Ms"] = Round(Statistics.Percentile(endToEnd, 99)),
            ["hopP50Ms"] = Round(Statistics.Median(hops)),
            ["hopP99Ms"] = Round(Statistics.Percentile(hops, 99)),
            ["referenceTotalMs"] = Round(Statistics.Median(referenceTimes)),
            ["referenceFacesFound"] = referenceFound,
            ["ratio"] = Math.Round(Statistics.Median(endToEnd) / Statistics.Median(referenceTimes), 3),
            ["workerResidentMegabytes"] = workerResident is { } bytes ? Math.Round(bytes / (1024.0 * 1024.0), 1) : null,
            ["detectMaxSide"] = detectMaxSide,
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
        if (arguments.Has("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            foreach (var (key, value) in result)
            {
                Console.WriteLine($"{key,-26} {value}");
            }
        }

        return 0;
    }

    private static (List<double> PerImage, int Found) MeasureReference(ReferencePipeline reference, IEnumerable<string> paths, int dimension)
    {
        var index = new TemplateIndex(dimension);
        var template = new float[dimension];
        template[0] = 1;
        index.Add("benchmark", template);
        var embedding = new float[dimension];
        List<double> perImage = [];
        var found = 0;
        foreach (var path in paths)
        {
            using var image = Cv2.ImRead(path, ImreadModes.Color);
            if (image.Empty())
            {
                continue;
            }

            reference.Run(image, embedding);
            List<double> runs = [];
            for (var run = 0; run < 3; run++)
            {
                var started = Stopwatch.GetTimestamp();
                var (_, _, hasFace) = reference.Run(image, embedding);
                if (hasFace)
                {
                    index.FindBest(embedding);
                }

                runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                found += run == 0 && hasFace ? 1 : 0;
            }

            perImage.Add(Statistics.Median(runs));
        }

        return (perImage, found);
    }

    /// <summary>The worker runs niced; so does the reference here, so other load on the machine weighs on both alike.</summary>
    private static T AtFacePathNiceness<T>(Func<T> measure)
    {
        T? result = default;
        var thread = new Thread(() =>
        {
            ThreadNiceness.LowerCurrentThread(ThreadNiceness.FacePath);
            result = measure();
        }) { Name = "reference-pipeline" };
        thread.Start();
        thread.Join();
        return result!;
    }

    private static double Round(double value) => Math.Round(value, 3);
}
