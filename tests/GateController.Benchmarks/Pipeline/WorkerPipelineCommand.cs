using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GateController.Benchmarks.Latency;
using GateController.Hosting;
using GateController.Vision.Detection;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using OpenCvSharp;

namespace GateController.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline-worker [--images DIR] [--json] [--detect-max-side S] [--frames N]</c>: the face path end to end as the
/// daemon runs it: one real <c>gate-controller face-worker</c> process over a folder of photos, its observations
/// matched and decided in this process. Per frame with a face: worker analysis start → decision (detect, align, embed,
/// channel, match, decide), median over frames. Then, in the same run on the same photos, the OpenCV-only reference's
/// per-image median (detect, align, embed, match; decoding excluded from both, as in <c>pipeline</c>).
/// </summary>
internal sealed class WorkerPipelineCommand : IBenchmarkCommand
{
    private const int DefaultDetectMaxSide = 256;

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

        var (endToEnd, hops, workerResident) = MeasureWorker(
            Fetch(ModelOptions.DefaultDetector), Fetch(ModelOptions.DefaultEmbedder), paths, frames, detectMaxSide);
        var (reference, referenceFound) = AtFacePathNiceness(() => MeasureReference(Fetch("face_detection_yunet_2023mar.onnx"), Fetch(ModelOptions.Fp32Embedder), paths,
            catalog.GetModel(ModelOptions.DefaultEmbedder).EmbeddingDimension!.Value));

        var result = new Dictionary<string, object?>
        {
            ["images"] = paths.Count,
            ["framesWithFace"] = endToEnd.Count,
            ["workerEndToEndP50Ms"] = Round(Statistics.Median(endToEnd)),
            ["workerEndToEndP99Ms"] = Round(Statistics.Percentile(endToEnd, 99)),
            ["hopP50Ms"] = Round(Statistics.Median(hops)),
            ["hopP99Ms"] = Round(Statistics.Percentile(hops, 99)),
            ["referenceTotalMs"] = Round(Statistics.Median(reference)),
            ["referenceFacesFound"] = referenceFound,
            ["ratio"] = Math.Round(Statistics.Median(endToEnd) / Statistics.Median(reference), 3),
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

    private static (List<double> EndToEnd, List<double> Hops, long? WorkerResident) MeasureWorker(
        string detector, string embedder, List<string> paths, int frames, int detectMaxSide)
    {
        using var load = FaceProcessLoad.Start(1, detector, embedder, paths, new FaceDetectorOptions { DetectionMaxSide = detectMaxSide });
        Thread.Sleep(TimeSpan.FromSeconds(3));
        load.Hops(stop: false);
        var deadline = Stopwatch.StartNew();
        while (load.EndToEnd().Count < frames && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            Thread.Sleep(100);
        }

        var hops = load.Hops(stop: true);
        return (load.EndToEnd(), hops, load.WorkerResidentBytes);
    }

    private static (List<double> PerImage, int Found) MeasureReference(string fixedYuNet, string fp32Embedder, List<string> paths, int dimension)
    {
        using var reference = new ReferencePipeline(fixedYuNet, fp32Embedder);
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
