using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Liveness;

namespace GateController.Tests.Vision.Liveness;

/// <summary>Upstream's box arithmetic (CropImage._get_new_box), worked by hand for a 640x480 frame.</summary>
public sealed class LivenessCropTests
{
    private static DetectedFace Box(float x, float y, float width, float height) => new(x, y, width, height, 0.9f, default(FaceLandmarks));

    [Test]
    public void RegionFor_enlarges_around_the_centre_when_it_fits()
    {
        // 100x100 at (270,190): centre (320,240), 2.7 → 270x270 from (185,105) to (455,375), inclusive.
        Assert.That(LivenessCrop.RegionFor(640, 480, Box(270, 190, 100, 100), 2.7f), Is.EqualTo(new PixelRegion(185, 105, 271, 271)));
    }

    [Test]
    public void RegionFor_cuts_the_scale_so_the_box_fits_the_image()
    {
        // 4.0 × 150 = 600 > 479: the scale becomes 479/150, a 479x479 box centred at (320,240) → (80.5,0.5)–(559.5,479.5),
        // shifted up by 0.5 to end at row 479.
        Assert.That(LivenessCrop.RegionFor(640, 480, Box(245, 165, 150, 150), 4.0f), Is.EqualTo(new PixelRegion(80, 0, 480, 480)));
    }

    [Test]
    public void RegionFor_shifts_a_box_at_the_edge_back_inside_without_padding()
    {
        // 100x100 at (0,0) × 2.7: (-85,-85)–(185,185) shifted to (0,0)–(270,270).
        Assert.That(LivenessCrop.RegionFor(640, 480, Box(0, 0, 100, 100), 2.7f), Is.EqualTo(new PixelRegion(0, 0, 271, 271)));
        // At the bottom-right corner: (455,295)–(725,565) shifted to (369,209)–(639,479).
        Assert.That(LivenessCrop.RegionFor(640, 480, Box(540, 380, 100, 100), 2.7f), Is.EqualTo(new PixelRegion(369, 209, 271, 271)));
    }

    [Test]
    public void RegionFor_a_box_partly_outside_the_frame_still_gives_a_region_inside_it()
    {
        var region = LivenessCrop.RegionFor(640, 480, Box(-30, 400, 120, 140), 4.0f);

        Assert.That(region.FitsIn(640, 480), Is.True, region.ToString());
    }
}
