using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Liveness;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using GateController.Vision.Pipeline;
using GateController.Vision.Quality;

namespace GateController.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline --images DIR [--json] [--threads T] [--detect-max-side S] [--gallery N] [--repeat R] [--liveness]</c>:
/// per-image medians of our face path and, in the same process on the same images, of the OpenCV-only
/// reference pipeline (which has no liveness). <c>--liveness</c> adds the quality gate and both MiniFASNets to ours;
/// the gate only marks faces there, so every face is scored and embedded: the full per-face cost.
/// </summary>
internal sealed class PipelineCommand : IBenchmarkCommand
{
    /// <summary>
    /// Gate faces are large. At 256 a 60 px face (the smallest curated in ../shared/faces) in a 360 px photo stays
    /// about 43 px, and YuNet finds 28–40 px faces (MODELS.md); alignment still reads the full-resolution frame.
    /// </summary>
    private const int DefaultDetectMaxSide = 256;

    public string Name => "pipeline";

    public string Description => "face path per-image medians vs the OpenCV-only reference (--images DIR [--json] [--threads T] [--liveness])";

    public int Run(BenchmarkArguments arguments)
    {
        var directory = arguments.Required("images");
        var threads = arguments.Integer("threads", ModelOptions.DefaultIntraOpThreads);
        var detectMaxSide = arguments.Integer("detect-max-side", DefaultDetectMaxSide);
        var gallerySize = arguments.Integer("gallery", 1000);
        var repeat = arguments.Integer("repeat", 3);
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"--images {directory} is not a directory");
        }

        var images = LoadImages(directory, out var unreadable);
        // The reference decodes with OpenCV, as an OpenCV-only pipeline would; decoding is outside the timings.
        var referenceImages = images.Select(i => OpenCvSharp.Cv2.ImRead(i.Path, OpenCvSharp.ImreadModes.Color)).ToList();
        using var disposeImages = new ImageSet(images, referenceImages);
        if (images.Count == 0)
        {
            throw new ArgumentException($"--images {directory} holds no readable .jpg/.jpeg/.png files");
        }

        var catalog = ModelCatalog.LoadEmbedded();
        using var http = new HttpClient();
        var fetcher = new ModelFetcher(new ModelOptions(), http);
        string Fetch(string file) => fetcher.FetchAsync(catalog.GetModel(file)).GetAwaiter().GetResult();

        var index = new TemplateIndex(catalog.GetModel(ModelOptions.DefaultEmbedder).EmbeddingDimension!.Value);
        index.Replace(SyntheticGallery(gallerySize, index.Dimension));
        var liveness = arguments.Has("liveness");
        using var ours = FaceAnalyzer.Open(
            Fetch(ModelOptions.DefaultDetector), catalog.GetModel(ModelOptions.DefaultDetector),
            Fetch(ModelOptions.DefaultEmbedder), catalog.GetModel(ModelOptions.DefaultEmbedder),
            new FaceDetectorOptions { DetectionMaxSide = detectMaxSide }, index, threads,
            quality: liveness ? new FaceQualityOptions() : null,
            liveness: liveness ? [.. LivenessScorer.ModelsIn(catalog).Select(m => (Fetch(m.File), m))] : null,
            qualityRefuses: false);
        using var reference = new ReferencePipeline(Fetch("face_detection_yunet_2023mar.onnx"), Fetch(ModelOptions.Fp32Embedder));

        var referenceEmbedding = new float[index.Dimension];
        for (var i = 0; i < Math.Min(5, images.Count); i++)
        {
            ours.Analyze(images[i].Image);
            reference.Run(referenceImages[i], referenceEmbedding);
        }

        List<double> detect = [], alignEmbed = [], match = [], total = [], live = [];
        List<double> referenceDetect = [], referenceAlignEmbed = [], referenceTotal = [];
        int found = 0, referenceFound = 0;
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i].Image;
            List<double> d = [], a = [], m = [], t = [], l = [], rd = [], ra = [], rt = [];
            for (var run = 0; run < repeat; run++)
            {
                var started = Stopwatch.GetTimestamp();
                var analysis = ours.Analyze(image);
                t.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                d.Add(StageMs(analysis, "detect"));
                a.Add(StageMs(analysis, "align") + StageMs(analysis, "embed"));
                m.Add(StageMs(analysis, "match"));
                l.Add(StageMs(analysis, "quality") + StageMs(analysis, "liveness"));
                found += run == 0 && analysis.Faces.Count > 0 ? 1 : 0;

                started = Stopwatch.GetTimestamp();
                var (referenceDetectMs, referenceAlignEmbedMs, referenceHasFace) = reference.Run(referenceImages[i], referenceEmbedding);
                if (referenceHasFace)
                {
                    index.FindBest(referenceEmbedding);
                }

                rt.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                rd.Add(referenceDetectMs);
                ra.Add(referenceAlignEmbedMs);
                referenceFound += run == 0 && referenceHasFace ? 1 : 0;
            }

            detect.Add(Statistics.Median(d));
            alignEmbed.Add(Statistics.Median(a));
            match.Add(Statistics.Median(m));
            live.Add(Statistics.Median(l));
            total.Add(Statistics.Median(t));
            referenceDetect.Add(Statistics.Median(rd));
            referenceAlignEmbed.Add(Statistics.Median(ra));
            referenceTotal.Add(Statistics.Median(rt));
        }

        var result = new Dictionary<string, object>
        {
            ["images"] = images.Count,
            ["detectMs"] = Round(Statistics.Median(detect)),
            ["alignEmbedMs"] = Round(Statistics.Median(alignEmbed)),
            ["matchMs"] = Round(Statistics.Median(match)),
            ["liveness"] = liveness,
            ["qualityLivenessMs"] = Round(Statistics.Median(live)),
            ["totalMs"] = Round(Statistics.Median(total)),
            ["threads"] = threads,
            ["detectMaxSide"] = detectMaxSide,
            ["gallery"] = index.Count,
            ["facesFound"] = found,
            ["referenceDetectMs"] = Round(Statistics.Median(referenceDetect)),
            ["referenceAlignEmbedMs"] = Round(Statistics.Median(referenceAlignEmbed)),
            ["referenceTotalMs"] = Round(Statistics.Median(referenceTotal)),
            ["referenceFacesFound"] = referenceFound,
            ["ratio"] = Math.Round(Statistics.Median(total) / Statistics.Median(referenceTotal), 3),
            ["unreadable"] = unreadable,
            ["repeat"] = repeat,
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["machine"] = Machine(),
        };

        if (arguments.Has("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            foreach (var (key, value) in result)
            {
                Console.WriteLine($"{key,-22} {value}");
            }
        }

        return 0;
    }

    private static double StageMs(FaceAnalysis analysis, string stage) =>
        analysis.Timings.Where(t => t.Stage == stage).Sum(t => t.Elapsed.TotalMilliseconds);

    private static double Round(double value) => Math.Round(value, 3);

    private static List<(string Path, FaceImage Image)> LoadImages(string directory, out int unreadable)
    {
        var images = new List<(string, FaceImage)>();
        unreadable = 0;
        foreach (var file in ImageFiles.Under(directory))
        {
            try
            {
                images.Add((file, FaceImage.Load(file)));
            }
            catch (ImageDecodeException)
            {
                unreadable++;
            }
        }

        return images;
    }

    /// <summary>Random unit templates under a fixed seed: matching cost depends on the count, not on who is enrolled.</summary>
    private static IEnumerable<EnrolledTemplate> SyntheticGallery(int count, int dimension)
    {
        var random = new Random(2026);
        for (var i = 0; i < count; i++)
        {
            var template = new float[dimension];
            for (var j = 0; j < dimension; j++)
            {
                template[j] = (float)((random.NextDouble() * 2) - 1);
            }

            yield return new EnrolledTemplate($"synthetic-{i:D4}", template);
        }
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>Both decodings of the photos, freed together.</summary>
    private sealed class ImageSet(List<(string Path, FaceImage Image)> ours, List<OpenCvSharp.Mat> reference) : IDisposable
    {
        public void Dispose()
        {
            ours.ForEach(i => i.Image.Dispose());
            reference.ForEach(m => m.Dispose());
        }
    }
}
