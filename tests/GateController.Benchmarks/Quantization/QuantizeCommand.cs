using System.Security.Cryptography;
using System.Text.Json;
using GateController.Vision.Alignment;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Models;
using GateController.Vision.Quantization;

namespace GateController.Benchmarks.Quantization;

/// <summary>
/// <c>quantize --model FILE --images DIR --calibration-out PATH</c>: measures the activation ranges of a derived
/// model's fp32 source on the largest face of every photo under DIR (detected, aligned and normalised exactly as
/// the face path does), writes them to PATH, builds the int8 model from them and prints its size and sha256
/// for <c>models/manifest.json</c>. A developer tool: the device only rebuilds from the committed ranges.
/// </summary>
internal sealed class QuantizeCommand : IBenchmarkCommand
{
    public string Name => "quantize";

    public string Description => "calibrate a derived int8 model on photos (--model FILE --images DIR --calibration-out PATH)";

    public int Run(BenchmarkArguments arguments)
    {
        var catalog = ModelCatalog.LoadEmbedded();
        var derived = catalog.GetModel(arguments.Required("model"));
        var recipe = derived.Derivation ?? throw new ArgumentException($"{derived.File} has no derivation in models/manifest.json");
        var directory = arguments.Required("images");
        var output = arguments.Required("calibration-out");
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"--images {directory} is not a directory");
        }

        using var http = new HttpClient();
        var fetcher = new ModelFetcher(new ModelOptions(), http);
        var source = catalog.GetModel(recipe.From);
        var sourceBytes = File.ReadAllBytes(fetcher.FetchAsync(source).GetAwaiter().GetResult());
        var detectorEntry = catalog.GetModel(ModelOptions.DefaultDetector);
        using var detector = new YuNetFaceDetector(fetcher.FetchAsync(detectorEntry).GetAwaiter().GetResult(), detectorEntry, new FaceDetectorOptions());

        var samples = AlignedInputs(directory, detector, source).ToList();
        var calibration = ActivationCalibrator.Calibrate(
            sourceBytes, source.File, source.Sha256, samples, [1, 3, source.Input.Height!.Value, source.Input.Width!.Value],
            $"the largest face of every photo under {Path.GetFileName(Path.GetFullPath(directory).TrimEnd('/'))}/, YuNet (640 px) + 5-point alignment + the model's own normalisation");
        File.WriteAllText(output, calibration.ToJson() + "\n");

        var built = QdqQuantizer.Quantize(sourceBytes, calibration, recipe.WeightBits);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            model = derived.File,
            from = source.File,
            samples = calibration.SampleCount,
            activations = calibration.Activations.Count,
            bytes = built.Length,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(built)),
            calibration = output,
        }));
        return 0;
    }

    private static IEnumerable<float[]> AlignedInputs(string directory, YuNetFaceDetector detector, ModelEntry embedder)
    {
        int width = embedder.Input.Width!.Value, height = embedder.Input.Height!.Value;
        foreach (var file in ImageFiles.Under(directory))
        {
            using var image = FaceImage.Load(file);
            var faces = detector.Detect(image);
            if (faces.Count == 0)
            {
                continue;
            }

            using var aligned = FaceAligner.Align(image, faces.MaxBy(f => f.Area).Landmarks);
            var tensor = new float[3 * width * height];
            PlanarTensor.Fill(aligned, tensor, width, height, embedder.Input);
            yield return tensor;
        }
    }
}
