using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using SkiaSharp;

namespace GateController.Benchmarks.Resize;

/// <summary>
/// <c>resize --images DIR [--max-side S] [--repeat R] [--json]</c>: the detector's shrink, hand-written
/// (<see cref="BilinearResize"/>, BGR24) against SkiaSharp's <c>SKPixmap.ScalePixels</c> with linear sampling
/// (BGRA, the only byte layout Skia scales), per-image medians in the same process. Skia is timed twice: on a
/// frame already in BGRA (its best case) and with the BGR→BGRA widening a BGR frame needs first.
/// </summary>
internal sealed class ResizeCommand : IBenchmarkCommand
{
    public string Name => "resize";

    public string Description => "detector resize: hand-written BGR vs SkiaSharp ScalePixels (--images DIR [--max-side S] [--json])";

    public int Run(BenchmarkArguments arguments)
    {
        var directory = arguments.Required("images");
        var maxSide = arguments.Integer("max-side", FaceDetectorOptions.DefaultDetectionMaxSide);
        var repeat = arguments.Integer("repeat", 5);
        List<double> ours = [], skia = [], skiaWithWidening = [];
        var resize = new BilinearResize();
        var images = 0;
        foreach (var file in ImageFiles.Under(directory))
        {
            using var image = FaceImage.Load(file);
            var (width, height, scale) = DetectionGeometry.FitWithin(image.Width, image.Height, maxSide);
            if (scale >= 1f)
            {
                continue;
            }

            images++;
            using var target = new FaceImage(width, height);
            using var skiaSource = new BgraBuffer(image.Width, image.Height);
            using var skiaTarget = new BgraBuffer(width, height);
            var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
            ours.Add(MedianMs(repeat, () => resize.Resize(image, target)));
            skiaSource.Fill(image);
            skia.Add(MedianMs(repeat, () => skiaSource.Pixmap.ScalePixels(skiaTarget.Pixmap, sampling)));
            skiaWithWidening.Add(MedianMs(repeat, () =>
            {
                skiaSource.Fill(image);
                skiaSource.Pixmap.ScalePixels(skiaTarget.Pixmap, sampling);
            }));
        }

        var result = new Dictionary<string, object>
        {
            ["images"] = images,
            ["maxSide"] = maxSide,
            ["handWrittenMs"] = Math.Round(Statistics.Median(ours), 3),
            ["skiaBgraMs"] = Math.Round(Statistics.Median(skia), 3),
            ["skiaWithWideningMs"] = Math.Round(Statistics.Median(skiaWithWidening), 3),
            ["handWrittenOverSkia"] = Math.Round(Statistics.Median(ours) / Statistics.Median(skia), 3),
            ["handWrittenOverSkiaWithWidening"] = Math.Round(Statistics.Median(ours) / Statistics.Median(skiaWithWidening), 3),
        };
        Console.WriteLine(arguments.Has("json")
            ? JsonSerializer.Serialize(result)
            : string.Join(Environment.NewLine, result.Select(r => $"{r.Key,-32} {r.Value}")));
        return 0;
    }

    private static double MedianMs(int repeat, Action run)
    {
        run();
        var times = new List<double>(repeat);
        for (var i = 0; i < repeat; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Statistics.Median(times);
    }

    /// <summary>An opaque BGRA image in native memory with a pixmap over it.</summary>
    private sealed unsafe class BgraBuffer : IDisposable
    {
        private readonly byte* _pixels;

        public BgraBuffer(int width, int height)
        {
            var info = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque);
            _pixels = (byte*)NativeMemory.Alloc((nuint)(info.RowBytes * height));
            Pixmap = new SKPixmap(info, (IntPtr)_pixels, info.RowBytes);
        }

        public SKPixmap Pixmap { get; }

        public void Fill(FaceImage image) => PixelRows.BgrToBgra(image.Pixels, new Span<byte>(_pixels, Pixmap.RowBytes * Pixmap.Height));

        public void Dispose()
        {
            Pixmap.Dispose();
            NativeMemory.Free(_pixels);
        }
    }
}
