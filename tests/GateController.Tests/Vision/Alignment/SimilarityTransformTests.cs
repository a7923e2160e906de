using System.Numerics;
using GateController.Vision.Alignment;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Tests.Vision.Alignment;

public sealed class SimilarityTransformTests
{
    [Test]
    public void Estimate_recovers_a_known_rotation_scale_and_translation_exactly()
    {
        var known = new SimilarityTransform(1.7 * Math.Cos(0.4), 1.7 * Math.Sin(0.4), 12.5, -3.25);
        var source = ArcFaceTemplate.Points.ToArray();
        var destination = source.Select(known.Apply).ToArray();

        var estimated = SimilarityTransform.Estimate(source, destination);

        Assert.That(estimated.A, Is.EqualTo(known.A).Within(1e-5));
        Assert.That(estimated.B, Is.EqualTo(known.B).Within(1e-5));
        Assert.That(estimated.TranslateX, Is.EqualTo(known.TranslateX).Within(1e-3));
        Assert.That(estimated.TranslateY, Is.EqualTo(known.TranslateY).Within(1e-3));
    }

    [Test]
    public void Estimate_never_reflects_even_for_mirrored_points()
    {
        var source = ArcFaceTemplate.Points.ToArray();
        var mirrored = source.Select(p => new Vector2(112 - p.X, p.Y)).ToArray();

        var estimated = SimilarityTransform.Estimate(source, mirrored);

        // The 2x2 part [a -b; b a] has determinant a² + b² > 0: a rotation, never a flip.
        Assert.That((estimated.A * estimated.A) + (estimated.B * estimated.B), Is.GreaterThan(0));
        Assert.That(estimated.Scale, Is.LessThan(1), "a flip cannot be fitted, so the best similarity shrinks");
    }

    [TestCase("deepface_01/01.jpg")]
    [TestCase("elton_john/03.jpg")]
    [TestCase("groups/couple.jpg")]
    public void Estimate_agrees_with_OpenCV_estimateAffinePartial2D_on_detected_landmarks(string relative)
    {
        using var image = FaceImage.Load(FaceData.PathOf(relative));
        var landmarks = SharedVision.Detector.Detect(image)[0].Landmarks;
        var source = Enumerable.Range(0, 5).Select(k => landmarks[k]).ToArray();

        var ours = SimilarityTransform.Estimate(source, ArcFaceTemplate.Points);
        using var from = InputArray.Create(source.Select(p => new Point2f(p.X, p.Y)).ToArray());
        using var to = InputArray.Create(ArcFaceTemplate.Points.ToArray().Select(p => new Point2f(p.X, p.Y)).ToArray());
        // A huge RANSAC threshold makes every point an inlier, so OpenCV returns its least-squares refinement.
        using var reference = Cv2.EstimateAffinePartial2D(from, to, null, RobustEstimationAlgorithms.RANSAC, 1e6, 2000, 0.99, 100)!;

        Assert.That(ours.A, Is.EqualTo(reference.At<double>(0, 0)).Within(1e-3));
        Assert.That(-ours.B, Is.EqualTo(reference.At<double>(0, 1)).Within(1e-3));
        Assert.That(ours.TranslateX, Is.EqualTo(reference.At<double>(0, 2)).Within(0.05));
        Assert.That(ours.B, Is.EqualTo(reference.At<double>(1, 0)).Within(1e-3));
        Assert.That(ours.TranslateY, Is.EqualTo(reference.At<double>(1, 2)).Within(0.05));
    }

    [Test]
    public void Align_gives_a_112_px_crop_with_the_eyes_near_the_template_eyes()
    {
        using var image = FaceImage.Load(FaceData.PathOf("deepface_01/01.jpg"));
        var landmarks = SharedVision.Detector.Detect(image)[0].Landmarks;

        using var aligned = FaceAligner.Align(image, landmarks);
        var transform = FaceAligner.TransformFor(landmarks);

        Assert.That((aligned.Width, aligned.Height), Is.EqualTo((112, 112)));
        Assert.That(Vector2.Distance(transform.Apply(landmarks.RightEye), ArcFaceTemplate.Points[0]), Is.LessThan(6));
        Assert.That(Vector2.Distance(transform.Apply(landmarks.LeftEye), ArcFaceTemplate.Points[1]), Is.LessThan(6));
    }
}
