using System.Numerics.Tensors;
using GateController.Vision.Alignment;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Tests.Vision.Alignment;

/// <summary>The hand-written alignment warp against cv::warpAffine (INTER_LINEAR, black constant border), which it replaced.</summary>
public sealed class AffineWarpGoldenTests
{
    [TestCase("deepface_01/01.jpg")]
    [TestCase("elton_john/03.jpg")]
    [TestCase("bbt_amy/01.png")]
    [TestCase("groups/couple.jpg")]
    [TestCase("madonna/18.jpg")]
    public void Align_gives_the_crop_of_OpenCV_warpAffine(string relative)
    {
        using var image = FaceImage.Load(FaceData.PathOf(relative));
        var landmarks = SharedVision.Detector.Detect(image)[0].Landmarks;

        using var ours = FaceAligner.Align(image, landmarks);
        using var reference = Reference(image, FaceAligner.TransformFor(landmarks));

        var (differing, largest) = OpenCvReference.Compare(ours.Pixels, OpenCvReference.BytesOf(reference));
        TestContext.Out.WriteLine($"{relative}: {differing} of {ours.Pixels.Length} bytes differ, by at most {largest}");
        Assert.That((differing, largest), Is.EqualTo((0, 0)), "bit-exact: the same fixed-point arithmetic");
    }

    /// <summary>Faces at the frame's edge: part of the crop falls outside and must be black, as OpenCV makes it.</summary>
    [TestCase(0.0, -60.0, -40.0)]
    [TestCase(0.5, 90.0, 100.0)]
    [TestCase(-0.3, -20.0, 110.0)]
    public void Align_blackens_what_falls_outside_the_frame_as_OpenCV_does(double rotation, double translateX, double translateY)
    {
        using var image = FaceImage.Load(FaceData.PathOf("bbt_amy/01.png"));
        var transform = new SimilarityTransform(0.9 * Math.Cos(rotation), 0.9 * Math.Sin(rotation), translateX, translateY);
        using var ours = new FaceImage(ArcFaceTemplate.Size, ArcFaceTemplate.Size);

        AffineWarp.Apply(image, transform, ours);
        using var reference = Reference(image, transform);

        var (differing, largest) = OpenCvReference.Compare(ours.Pixels, OpenCvReference.BytesOf(reference));
        Assert.That((differing, largest), Is.EqualTo((0, 0)));
        Assert.That(ours.Pixels.ToArray().Count(b => b == 0), Is.GreaterThan(1000), "a part of the crop is outside the frame");
    }

    [TestCase("deepface_01/02.jpg")]
    [TestCase("elton_john/03.jpg")]
    public void The_embedding_of_our_crop_is_the_embedding_of_OpenCVs(string relative)
    {
        using var image = FaceImage.Load(FaceData.PathOf(relative));
        var landmarks = SharedVision.Detector.Detect(image)[0].Landmarks;
        using var ours = FaceAligner.Align(image, landmarks);
        using var referenceMat = Reference(image, FaceAligner.TransformFor(landmarks));
        using var reference = new FaceImage(ArcFaceTemplate.Size, ArcFaceTemplate.Size);
        OpenCvReference.BytesOf(referenceMat).CopyTo(reference.Pixels);

        var ourEmbedding = new float[SharedVision.Embedder.Dimension];
        var referenceEmbedding = new float[SharedVision.Embedder.Dimension];
        SharedVision.Embedder.Embed(ours, ourEmbedding);
        SharedVision.Embedder.Embed(reference, referenceEmbedding);

        Assert.That(TensorPrimitives.Dot(ourEmbedding, referenceEmbedding), Is.EqualTo(1f).Within(1e-6f), "the same crop gives the same embedding");
    }

    private static Mat Reference(FaceImage image, SimilarityTransform t)
    {
        using var source = OpenCvReference.ToMat(image);
        using var matrix = new Mat(2, 3, MatType.CV_64FC1);
        matrix.Set(0, 0, t.A);
        matrix.Set(0, 1, -t.B);
        matrix.Set(0, 2, t.TranslateX);
        matrix.Set(1, 0, t.B);
        matrix.Set(1, 1, t.A);
        matrix.Set(1, 2, t.TranslateY);
        var crop = new Mat();
        Cv2.WarpAffine(source, crop, matrix, new Size(ArcFaceTemplate.Size, ArcFaceTemplate.Size), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return crop;
    }
}
