using System.ComponentModel.DataAnnotations;

namespace GateController.Vision.Motion;

/// <summary>
/// <c>Face:Motion:*</c>: the detector runs only on frames where something moved (or to keep alive), so a static scene
/// costs a 64×36 grey thumbnail per frame instead of a detection. Figures from <c>MotionGateTests</c> (2026-12-02): a
/// still H.264 clip of a photo differs from its background by at most 0.8 grey levels in any cell; a face appearing in
/// that scene changes 728 cells; the walking clip changes a median 1,256 cells a frame.
/// </summary>
public sealed class MotionOptions
{
    public const string Section = "Face:Motion";

    /// <summary>
    /// A thumbnail cell (the mean of 16 sampled pixels) counts as changed this many grey levels from the background:
    /// 15× the compression noise of the still clip, leaving room for a real sensor's noise (averaging 16 pixels
    /// divides it by 4), far below a face's contrast with what it covers.
    /// </summary>
    public const double DefaultCellThreshold = 12;

    /// <summary>
    /// Changed cells that make a frame "moving": a face 60 px wide at 1080p covers about two cells across and three
    /// down, so 3 still catches the smallest face worth deciding; the still clip flips none.
    /// </summary>
    public const int DefaultMinimumChangedCells = 3;

    /// <summary>Per-frame weight of a new frame in the background: about 2 s to absorb a change at 25 fps.</summary>
    public const double DefaultBackgroundAdaptation = 0.02;

    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(2);

    /// <summary>Frames keep being analysed this long after the last motion: a resident who stops still is still decided.</summary>
    public static readonly TimeSpan DefaultHoldAfterMotion = TimeSpan.FromSeconds(1);

    /// <summary>Off: every frame is analysed, as before motion gating.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 255)]
    public double CellThreshold { get; set; } = DefaultCellThreshold;

    [Range(1, 2304)]
    public int MinimumChangedCells { get; set; } = DefaultMinimumChangedCells;

    [Range(0.001, 1)]
    public double BackgroundAdaptation { get; set; } = DefaultBackgroundAdaptation;

    /// <summary>A frame is analysed at least this often, moving or not (a face the background absorbed, a camera fault).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = DefaultKeepAliveInterval;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan HoldAfterMotion { get; set; } = DefaultHoldAfterMotion;
}
