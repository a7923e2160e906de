using System.Diagnostics;
using GateController.FaceChannel;
using GateController.Tests.Vision;
using GateController.Tests.Vision.Imaging;
using GateController.Vision.Models;

namespace GateController.Tests.Daemon;

/// <summary>
/// The real <c>gate-controller face-analysis</c> process, spoken to over its channel as the daemon does, so its
/// memory can be read from /proc while it waits for the next image.
/// </summary>
[NonParallelizable]
public sealed class FaceAnalysisProcessTests
{
    [Test]
    public void A_30000_px_PNG_is_refused_from_its_header_and_the_process_never_takes_the_memory()
    {
        using var process = Process.Start(DotnetProcess.StartInfo("gate-controller", ["face-analysis"]))!;
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            var writer = new FaceChannelWriter(process.StandardInput.BaseStream);
            var reader = new FaceChannelReader(process.StandardOutput.BaseStream, FaceChannelFrame.MaximumResultPayloadBytes);
            Settings().Send(writer);
            Assert.That(reader.Read(), Is.EqualTo(FaceMessageType.Hello));
            var afterModels = PeakResidentKilobytes(process.Id);

            new AnalysisRequest("image huge.png", HugePng.Solid(30_000, 30_000)).Send(writer);
            Assert.That(reader.Read(), Is.EqualTo(FaceMessageType.Failure));
            var refusal = WorkerFailure.Parse(reader.Payload);
            var afterRefusal = PeakResidentKilobytes(process.Id);

            Assert.That(refusal.Kind, Is.EqualTo(WorkerFailureKind.Image));
            Assert.That(refusal.Message, Is.EqualTo(
                "image huge.png is 30000 × 30000 pixels (900,000,000), more than the limit of 50,000,000 (Face:Worker:MaximumImagePixels); it was not decoded"));
            // Decoding it would take 2.7 GB as BGR (3.6 GB as Skia's BGRA); the request itself is a few hundred KB.
            Assert.That(afterRefusal - afterModels, Is.LessThan(64 * 1024), $"VmHWM grew from {afterModels} kB to {afterRefusal} kB");

            new AnalysisRequest("image 02.jpg", File.ReadAllBytes(FaceData.PathOf("deepface_01/02.jpg"))).Send(writer);
            Assert.That(reader.Read(), Is.EqualTo(FaceMessageType.AnalysisReply), "the process serves the next image");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static FaceProcessSettings Settings() => new()
    {
        DetectorPath = ModelCacheSetup.PathOf(ModelOptions.DefaultDetector),
        Detector = ModelOptions.DefaultDetector,
        EmbedderPath = ModelCacheSetup.PathOf(ModelOptions.DefaultEmbedder),
        Embedder = ModelOptions.DefaultEmbedder,
        MaximumImagePixels = GateController.Face.FaceWorkerOptions.DefaultMaximumImagePixels,
    };

    /// <summary>VmHWM: the most resident memory the process has had, in kB.</summary>
    private static long PeakResidentKilobytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
