using GateController.Hosting;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using GateController.Vision.Pipeline;

namespace GateController.Benchmarks.Latency;

/// <summary>
/// The face pipeline flat out: one thread per core, each with its own <see cref="FaceAnalyzer"/> (real
/// YuNet + MobileFaceNet through ONNX Runtime) analysing photos in a loop, niced exactly as the
/// daemon's face thread is (<see cref="ThreadNiceness.FacePath"/>).
/// </summary>
internal sealed class FaceLoad : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private long _frames;
    private long _allocatedBytes;
    private int _lowered;

    private FaceLoad()
    {
    }

    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Managed bytes the face threads allocated per analysed frame: what drives the GC pauses every thread shares.</summary>
    public double AllocatedBytesPerFrame => Frames == 0 ? 0 : (double)Interlocked.Read(ref _allocatedBytes) / Frames;

    public int Threads => _threads.Count;

    /// <summary>Threads whose niceness was really lowered (setpriority succeeded).</summary>
    public int LoweredThreads => Volatile.Read(ref _lowered);

    public static FaceLoad Start(int threads, string detectorPath, string embedderPath, IReadOnlyList<string> imagePaths)
    {
        var load = new FaceLoad();
        var catalog = ModelCatalog.LoadEmbedded();
        var detector = catalog.GetModel(ModelOptions.DefaultDetector);
        var embedder = catalog.GetModel(ModelOptions.DefaultEmbedder);
        using var ready = new CountdownEvent(threads);
        for (var i = 0; i < threads; i++)
        {
            var thread = new Thread(() =>
            {
                if (ThreadNiceness.LowerCurrentThread(ThreadNiceness.FacePath))
                {
                    Interlocked.Increment(ref load._lowered);
                }

                using var analyzer = FaceAnalyzer.Open(
                    detectorPath, detector,
                    embedderPath, embedder,
                    new FaceDetectorOptions(),
                    new TemplateIndex(embedder.EmbeddingDimension ?? 128));
                var images = imagePaths.Select(path => FaceImage.Load(path)).ToList();
                ready.Signal();
                try
                {
                    while (!load._stop.IsCancellationRequested)
                    {
                        foreach (var image in images)
                        {
                            var allocated = GC.GetAllocatedBytesForCurrentThread();
                            // What the daemon's face loop runs per frame (FaceRecognitionLoop.Decide).
                            analyzer.AnalyzeDecidingFace(image);
                            Interlocked.Add(ref load._allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
                            Interlocked.Increment(ref load._frames);
                            if (load._stop.IsCancellationRequested)
                            {
                                break;
                            }
                        }
                    }
                }
                finally
                {
                    images.ForEach(image => image.Dispose());
                }
            })
            { IsBackground = true, Name = $"face-load-{i}" };
            load._threads.Add(thread);
            thread.Start();
        }

        ready.Wait();
        return load;
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _stop.Dispose();
    }
}
