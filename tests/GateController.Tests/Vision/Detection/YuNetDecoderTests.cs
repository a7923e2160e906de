using GateController.Vision.Detection;

namespace GateController.Tests.Vision.Detection;

public sealed class YuNetDecoderTests
{
    [Test]
    public void Decode_places_an_anchor_by_row_and_column_and_scales_back_to_the_frame()
    {
        // 64x32 input, stride 32: 2 columns, 1 row. Anchor 1 is column 1, row 0.
        float[] cls = [0.1f, 0.81f], obj = [0.1f, 1f];
        float[] bbox = [0, 0, 0, 0, 0.5f, 0.25f, 0, MathF.Log(2)];
        var kps = new float[20];
        kps[10] = 0.5f;
        kps[11] = 0.5f;
        var faces = new List<DetectedFace>();

        YuNetDecoder.Decode(cls, obj, bbox, kps, 32, 64, 32, 0.6f, scale: 0.5f, faces);

        Assert.That(faces, Has.Count.EqualTo(1));
        var face = faces[0];
        // centre (1.5*32, 0.25*32) = (48, 8), size 32 x 64, then / 0.5.
        Assert.That((face.X, face.Y, face.Width, face.Height), Is.EqualTo((64f, -48f, 64f, 128f)));
        Assert.That(face.Score, Is.EqualTo(0.9f).Within(1e-6));
        Assert.That(face.Landmarks.RightEye, Is.EqualTo(new System.Numerics.Vector2(96, 32)));
    }

    [Test]
    public void Decode_clamps_cls_and_obj_before_the_square_root()
    {
        float[] cls = [1.5f], obj = [-0.2f];
        var faces = new List<DetectedFace>();

        YuNetDecoder.Decode(cls, obj, new float[4], new float[10], 32, 32, 32, 0f, 1f, faces);

        Assert.That(faces[0].Score, Is.Zero);
    }

    [Test]
    public void Suppression_keeps_the_best_of_overlapping_boxes_and_separate_faces()
    {
        var landmarks = default(FaceLandmarks);
        List<DetectedFace> candidates =
        [
            new(0, 0, 100, 100, 0.7f, landmarks),
            new(5, 5, 100, 100, 0.9f, landmarks),
            new(300, 0, 100, 100, 0.8f, landmarks),
            new(60, 60, 100, 100, 0.85f, landmarks), // IoU with the best ≈ 0.11: kept
        ];

        var kept = NonMaximumSuppression.Apply(candidates, 0.3f, 5000);

        Assert.That(kept.Select(f => f.Score), Is.EqualTo(new[] { 0.9f, 0.85f, 0.8f }));
    }

    [TestCase(1920, 1080, 640, 640, 360)]
    [TestCase(150, 150, 640, 150, 150)]
    [TestCase(1080, 1920, 320, 180, 320)]
    public void FitWithin_shrinks_the_longer_side_and_never_enlarges(int width, int height, int maxSide, int expectedWidth, int expectedHeight)
    {
        var (w, h, _) = DetectionGeometry.FitWithin(width, height, maxSide);

        Assert.That((w, h), Is.EqualTo((expectedWidth, expectedHeight)));
        Assert.That(DetectionGeometry.PadTo(h, 32) % 32, Is.Zero);
    }
}
