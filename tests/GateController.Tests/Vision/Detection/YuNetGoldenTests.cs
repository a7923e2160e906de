using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Models;
using OpenCvSharp;

namespace GateController.Tests.Vision.Detection;

/// <summary>
/// Our ONNX Runtime YuNet against OpenCV's own FaceDetectorYN (its reference implementation) on the fixed
/// 2023mar file: same photos, same size, same thresholds.
/// </summary>
public sealed class YuNetGoldenTests
{
    private const float PixelTolerance = 0.5f;

    private static YuNetFaceDetector? _fullResolution;

    private static YuNetFaceDetector FullResolution => _fullResolution ??= new YuNetFaceDetector(
        ModelCacheSetup.PathOf(ModelOptions.DefaultDetector),
        ModelCacheSetup.Catalog.GetModel(ModelOptions.DefaultDetector),
        new FaceDetectorOptions { DetectionMaxSide = 4096 });

    [OneTimeTearDown]
    public static void CloseDetector()
    {
        _fullResolution?.Dispose();
        _fullResolution = null;
    }

    [TestCase("deepface_01/01.jpg")]
    [TestCase("elton_john/01.jpg")]
    [TestCase("bbt_amy/01.png")]
    [TestCase("groups/couple.jpg")]
    [TestCase("groups/multiface.jpg")]
    [TestCase("groups/voc_2008_002506.jpg")]
    public void Detect_matches_OpenCV_FaceDetectorYN_boxes_scores_and_landmarks(string relative)
    {
        using var image = FaceImage.Load(FaceData.PathOf(relative));
        var expected = Reference(image);

        var actual = FullResolution.Detect(image);

        Assert.That(actual, Has.Count.EqualTo(expected.Count), relative);
        foreach (var face in expected)
        {
            var match = actual.MinBy(a => MathF.Abs(a.X - face.X) + MathF.Abs(a.Y - face.Y));
            Assert.Multiple(() =>
            {
                Assert.That(match.X, Is.EqualTo(face.X).Within(PixelTolerance));
                Assert.That(match.Y, Is.EqualTo(face.Y).Within(PixelTolerance));
                Assert.That(match.Width, Is.EqualTo(face.Width).Within(PixelTolerance));
                Assert.That(match.Height, Is.EqualTo(face.Height).Within(PixelTolerance));
                Assert.That(match.Score, Is.EqualTo(face.Score).Within(1e-3));
                for (var k = 0; k < FaceLandmarks.Count; k++)
                {
                    Assert.That(match.Landmarks[k].X, Is.EqualTo(face.Landmarks[k].X).Within(PixelTolerance));
                    Assert.That(match.Landmarks[k].Y, Is.EqualTo(face.Landmarks[k].Y).Within(PixelTolerance));
                }
            });
        }
    }

    [Test]
    public void Detect_at_reduced_resolution_reports_boxes_in_full_frame_pixels()
    {
        // couple.jpg is large (faces ~600 px); YuNet's anchors suit it at 640 and still at 320.
        using var image = FaceImage.Load(FaceData.PathOf("groups/couple.jpg"));
        var at640 = SharedVision.Detector.Detect(image);
        using var small = new YuNetFaceDetector(
            ModelCacheSetup.PathOf(ModelOptions.DefaultDetector),
            ModelCacheSetup.Catalog.GetModel(ModelOptions.DefaultDetector),
            new FaceDetectorOptions { DetectionMaxSide = 320 });

        var at320 = small.Detect(image);

        Assert.That(Math.Max(image.Width, image.Height), Is.GreaterThan(640));
        Assert.That(at320, Has.Count.EqualTo(at640.Count));
        foreach (var face in at640)
        {
            var match = at320.MinBy(a => MathF.Abs(a.X - face.X) + MathF.Abs(a.Y - face.Y));
            Assert.That(match.X, Is.EqualTo(face.X).Within(0.08 * face.Width));
            Assert.That(match.Y, Is.EqualTo(face.Y).Within(0.08 * face.Width));
            Assert.That(match.Width, Is.EqualTo(face.Width).Within(0.08 * face.Width));
        }
    }

    [TestCaseSource(nameof(NegativePhotos))]
    public void Detect_finds_no_face_in_photos_without_people(string path)
    {
        using var image = FaceImage.Load(path);

        Assert.That(SharedVision.Detector.Detect(image), Is.Empty);
    }

    private static IEnumerable<string> NegativePhotos() => FaceData.Negatives;

    private static List<DetectedFace> Reference(FaceImage image)
    {
        using var detector = FaceDetectorYN.Create(
            ModelCacheSetup.PathOf("face_detection_yunet_2023mar.onnx"), "", new Size(image.Width, image.Height),
            FaceDetectorOptions.DefaultScoreThreshold, FaceDetectorOptions.DefaultNmsIouThreshold, 5000,
            OpenCvSharp.Dnn.Backend.OPENCV, OpenCvSharp.Dnn.Target.CPU);
        using var faces = new Mat();
        using var mat = OpenCvReference.ToMat(image);
        detector.Detect(mat, faces);
        var result = new List<DetectedFace>();
        var rows = faces.Rows;
        for (var row = 0; row < rows; row++)
        {
            float At(int column) => faces.At<float>(row, column);
            System.Numerics.Vector2 Point(int k) => new(At(4 + (2 * k)), At(5 + (2 * k)));
            result.Add(new DetectedFace(At(0), At(1), At(2), At(3), At(14),
                new FaceLandmarks(Point(0), Point(1), Point(2), Point(3), Point(4))));
        }

        return result;
    }
}
