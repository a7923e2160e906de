using GateController.Core.FaceTracking;

namespace GateController.Tests.Core.FaceTracking;

public sealed class FaceTrackingOptionsTests
{
    [Test]
    public void The_defaults_pass() =>
        Assert.That(new FaceTrackingOptionsValidator().Validate(null, new FaceTrackingOptions()).Succeeded, Is.True);

    [Test]
    public void More_required_frames_than_the_window_is_refused_naming_both_keys()
    {
        var result = new FaceTrackingOptionsValidator().Validate(null, new FaceTrackingOptions { RequiredMatchingFrames = 4, WindowFrames = 3 });

        Assert.That(result.FailureMessage, Does.StartWith("Face:Decision:RequiredMatchingFrames is 4; expected at most Face:Decision:WindowFrames (3)"));
    }

    [Test]
    public void A_window_longer_than_the_track_keeps_is_refused()
    {
        var result = new FaceTrackingOptionsValidator().Validate(null, new FaceTrackingOptions { WindowFrames = FaceTrackingOptions.MaximumWindowFrames + 1 });

        Assert.That(result.FailureMessage, Does.Contain("WindowFrames"));
    }
}
