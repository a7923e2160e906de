using GateController.Vision.Imaging;
using GateController.Vision.Pipeline;
using OpenCvSharp;

namespace GateController.Benchmarks.Walkup;

/// <summary>
/// Walk-up sequences made at run time from ../shared/faces (never committed): each person's probe photo, scaled so its
/// face grows from <see cref="StartWidth"/> to <see cref="EndWidth"/> px over <see cref="Frames"/> frames on a fixed
/// 1280x720 grey scene, then an empty scene long enough for the track to end.
/// </summary>
internal static class WalkupScenes
{
    public const int Frames = 24;
    public const int StartWidth = 36;
    public const int EndWidth = 160;
    public const int EmptyFrames = 16;
    private const int SceneWidth = 1280;
    private const int SceneHeight = 720;

    /// <summary>Writes the frames into <paramref name="folder"/>; returns the persons in the order they walk up.</summary>
    public static List<string> Write(string folder, IEnumerable<(string Person, string Probe)> walkers, FaceAnalyzer analyzer)
    {
        var frame = 0;
        List<string> order = [];
        using var empty = new Mat(SceneHeight, SceneWidth, MatType.CV_8UC3, new Scalar(128, 128, 128));
        foreach (var (person, probe) in walkers)
        {
            using var image = FaceImage.Load(probe);
            var (analysis, _) = analyzer.AnalyzeAndEmbed(image);
            if (analysis.Faces.Count == 0)
            {
                continue;
            }

            var faceWidth = analysis.Faces[0].Detection.Width;
            using var photo = Cv2.ImRead(probe, ImreadModes.Color);
            for (var i = 0; i < Frames; i++)
            {
                var width = StartWidth + ((EndWidth - StartWidth) * i / (double)(Frames - 1));
                using var scene = empty.Clone();
                Place(photo, width / faceWidth, scene);
                Cv2.ImWrite(Path.Combine(folder, $"{frame++:000000}.png"), scene);
            }

            for (var i = 0; i < EmptyFrames; i++)
            {
                Cv2.ImWrite(Path.Combine(folder, $"{frame++:000000}.png"), empty);
            }

            order.Add(person);
        }

        return order;
    }

    /// <summary>The photo scaled by <paramref name="scale"/>, centred on the scene and cut to fit it.</summary>
    private static void Place(Mat photo, double scale, Mat scene)
    {
        using var scaled = new Mat();
        Cv2.Resize(photo, scaled, new Size(Math.Max(1, (int)(photo.Width * scale)), Math.Max(1, (int)(photo.Height * scale))), 0, 0, InterpolationFlags.Area);
        var width = Math.Min(scaled.Width, scene.Width);
        var height = Math.Min(scaled.Height, scene.Height);
        using var source = new Mat(scaled, new Rect((scaled.Width - width) / 2, (scaled.Height - height) / 2, width, height));
        using var target = new Mat(scene, new Rect((scene.Width - width) / 2, (scene.Height - height) / 2, width, height));
        source.CopyTo(target);
    }
}
