using GateController.Vision.Alignment;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Quality;

namespace GateController.Tests.Vision.Quality;

/// <summary>Good photos of ../shared/faces pass the default gate; copies made worse at test time fail for their reason.</summary>
public sealed class FaceQualityGateTests
{
    private static readonly string[] Photos = ["deepface_01/08.jpg", "mindy_kaling/05.jpg", "madonna/01.jpg", "jerry_seinfeld/01.jpg"];

    private readonly FaceQualityGate _gate = new(new FaceQualityOptions());

    private FaceQuality Assess(FaceImage image)
    {
        var faces = SharedVision.Detector.Detect(image);
        Assert.That(faces, Is.Not.Empty);
        var face = faces.MaxBy(f => f.Area);
        using var aligned = FaceAligner.Align(image, face.Landmarks);
        return _gate.Assess(image, face, aligned);
    }

    private static DetectedFace FaceOf(FaceImage image) => SharedVision.Detector.Detect(image).MaxBy(f => f.Area);

    [TestCaseSource(nameof(Photos))]
    public void A_good_photo_passes(string photo)
    {
        using var image = FaceImage.Load(FaceData.PathOf(photo));

        Assert.That(Assess(image), Is.EqualTo(FaceQuality.Good));
    }

    [TestCaseSource(nameof(Photos))]
    public void A_blurred_copy_is_refused_as_blurred(string photo)
    {
        using var image = FaceImage.Load(FaceData.PathOf(photo));
        using var blurred = DegradedFaces.Blurred(image, FaceOf(image));

        Assert.That(Assess(blurred), Is.EqualTo(FaceQuality.Blurred));
    }

    [TestCaseSource(nameof(Photos))]
    public void A_dark_copy_is_refused_as_too_dark(string photo)
    {
        using var image = FaceImage.Load(FaceData.PathOf(photo));
        using var dark = DegradedFaces.Exposed(image, 0.15f);

        Assert.That(Assess(dark), Is.EqualTo(FaceQuality.TooDark));
    }

    [TestCaseSource(nameof(Photos))]
    public void An_overexposed_copy_is_refused_as_overexposed(string photo)
    {
        using var image = FaceImage.Load(FaceData.PathOf(photo));
        using var bright = DegradedFaces.Exposed(image, 2.5f);

        Assert.That(Assess(bright), Is.EqualTo(FaceQuality.Overexposed));
    }

    [TestCaseSource(nameof(Photos))]
    public void A_backlit_copy_is_refused_as_backlit(string photo)
    {
        using var image = FaceImage.Load(FaceData.PathOf(photo));
        using var backlit = DegradedFaces.Backlit(image, FaceOf(image));

        Assert.That(Assess(backlit), Is.EqualTo(FaceQuality.Backlit));
    }

    [TestCaseSource(nameof(Photos))]
    public void A_tiny_copy_is_refused_as_too_small(string photo)
    {
        using var image = FaceImage.Load(FaceData.PathOf(photo));
        using var tiny = DegradedFaces.Shrunk(image, FaceOf(image), 24);

        Assert.That(Assess(tiny), Is.EqualTo(FaceQuality.TooSmall));
    }

    [Test]
    public void A_face_turned_to_profile_is_refused_as_turned_away()
    {
        var frontal = new FaceLandmarks(new(40, 50), new(70, 50), new(55, 65), new(44, 80), new(66, 80));
        var profile = frontal with { Nose = new(72, 65) };
        var measures = new FaceQualityMeasures(30, 0, 0, 0, 120, 120, 0, 500);

        Assert.That(_gate.Judge(measures with { YawDegrees = LandmarkPose.Estimate(frontal).Yaw }), Is.EqualTo(FaceQuality.Good));
        Assert.That(_gate.Judge(measures with { YawDegrees = LandmarkPose.Estimate(profile).Yaw }), Is.EqualTo(FaceQuality.TurnedAway));
    }
}
