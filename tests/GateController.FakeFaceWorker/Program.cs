using System.Buffers.Binary;
using GateController.FaceChannel;
using GateController.Vision.Models;

// Scenario from FAKE_FACE_WORKER_SCENARIO; the embedding it sends (a resident's, made by the test) from
// FAKE_FACE_WORKER_EMBEDDING, one float per line. Every scenario but "valid" breaks the protocol and then
// sends that good observation, which the daemon must never act on.
var scenario = Environment.GetEnvironmentVariable("FAKE_FACE_WORKER_SCENARIO") ?? "valid";
var embeddingFile = Environment.GetEnvironmentVariable("FAKE_FACE_WORKER_EMBEDDING");
using var input = Console.OpenStandardInput();
using var output = Console.OpenStandardOutput();
var reader = new FaceChannelReader(input, 1 << 20);
var writer = new FaceChannelWriter(output);
if (reader.Read() != FaceMessageType.Settings)
{
    return 4;
}

var settings = FaceProcessSettings.Parse(reader.Payload);
var catalog = ModelCatalog.LoadEmbedded();
var embedder = catalog.GetModel(settings.Embedder);
var dimension = embedder.EmbeddingDimension!.Value;
var observation = new FaceObservation(dimension)
{
    Face = new GateController.Vision.Detection.DetectedFace(100, 100, 120, 150, 0.9f, default),
    FacesInFrame = 1,
    // Live, as a real worker scores a resident in front of the camera (the daemon requires liveness by default).
    LivenessScore = 0.99f,
};
if (embeddingFile is not null)
{
    var values = File.ReadAllLines(embeddingFile).Select(l => float.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    values.CopyTo(observation.Embedding, 0);
}

void SendObservation()
{
    // Each a new camera frame, as a real worker numbers them: the daemon's tracker counts a frame once.
    observation.FrameSequence++;
    observation.CapturedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    observation.SentTimestamp = observation.CapturedTimestamp;
    writer.Write(FaceMessageType.FaceObservation, observation.PayloadLength, observation, static (ref PayloadWriter w, FaceObservation o) => o.WriteTo(ref w));
}

void Beat() => new WorkerHeartbeat(1, 0, 1, 1, 0, 0, true, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "").Send(writer);

void Raw(byte version, FaceMessageType type, uint declaredLength, int actualLength)
{
    var frame = new byte[FaceChannelFrame.HeaderLength + actualLength];
    FaceChannelFrame.WriteHeader(frame, type, 0, version);
    BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), declaredLength);
    output.Write(frame);
    output.Flush();
}

if (scenario != "before-hello")
{
    new WorkerHello(Environment.ProcessId, dimension, catalog.GetModel(settings.Detector).Sha256, embedder.Sha256, "fake").Send(writer);
}

switch (scenario)
{
    case "valid":
        break;
    case "garbage":
        output.Write(System.Text.Encoding.ASCII.GetBytes("Segmentation fault (core dumped)\nthis is not a frame at all"));
        output.Flush();
        break;
    case "oversized":
        Raw(FaceChannelFrame.ProtocolVersion, FaceMessageType.FaceObservation, 512 * 1024 * 1024, 0);
        break;
    case "wrong-version":
        Raw(FaceChannelFrame.ProtocolVersion + 1, FaceMessageType.Heartbeat, 0, 0);
        break;
    case "wrong-length":
        var short_ = new FaceObservation(dimension / 2) { Face = observation.Face, FacesInFrame = 1 };
        short_.Embedding[0] = 1;
        writer.Write(FaceMessageType.FaceObservation, short_.PayloadLength, short_, static (ref PayloadWriter w, FaceObservation o) => o.WriteTo(ref w));
        break;
    case "before-hello":
        break;
    case "segfault":
        Beat();
        Thread.Sleep(300);
        // A real fault in native memory, as a broken decoder would make: the kernel sends SIGSEGV.
        // (A bad write from managed code would become a NullReferenceException and an abort instead.)
        NativeAbort.Memset(1, 0, 16);
        break;
    case "abort":
        Beat();
        Thread.Sleep(300);
        NativeAbort.Abort();
        break;
    case "memory-hog":
        var hoard = new List<byte[]>();
        for (var i = 0; i < 400; i++)
        {
            var block = new byte[4 * 1024 * 1024];
            Array.Fill(block, (byte)i);
            hoard.Add(block);
            Beat();
            Thread.Sleep(10);
        }

        GC.KeepAlive(hoard);
        break;
    default:
        Console.Error.WriteLine($"unknown scenario {scenario}");
        return 2;
}

// The daemon should have killed us by now for every scenario but "valid"; keep offering the resident's face.
for (var i = 0; i < 600; i++)
{
    try
    {
        Beat();
        SendObservation();
    }
    catch (IOException)
    {
        return 0;
    }

    Thread.Sleep(100);
}

return 0;

internal static partial class NativeAbort
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "abort")]
    public static partial void Abort();

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "memset")]
    public static partial nint Memset(nint destination, int value, nuint count);
}
