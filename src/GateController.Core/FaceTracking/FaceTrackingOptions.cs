using System.ComponentModel.DataAnnotations;

namespace GateController.Core.FaceTracking;

/// <summary><c>Face:Decision:*</c>: how a track of frames becomes one decision.</summary>
public sealed class FaceTrackingOptions
{
    public const string Section = "Face:Decision";

    /// <summary>The longest window a track keeps (its ring buffer is allocated once, at this size).</summary>
    public const int MaximumWindowFrames = 16;

    /// <summary>
    /// k = 2 of n = 3 (see README, "Face decisions"): on ../shared/faces one frame of a genuine probe reaches 0.45 in
    /// 87 % of photos and no impostor does, so two agreeing frames cost one frame of latency (goal: 3 frames) while a
    /// single stray frame (a blink, motion blur, a face half turned) can neither grant nor block a grant.
    /// </summary>
    public const int DefaultRequiredMatchingFrames = 2;

    public const int DefaultWindowFrames = 3;

    /// <summary>
    /// Best person over second-best person. 0.08, half the smallest genuine margin measured: with all 26 persons of
    /// ../shared/faces enrolled, the 142 probes that reach the threshold for their own person are 0.167 (min), 0.245
    /// (5th percentile) and 0.412 (median) above the next person (<c>MarginCalibrationTests</c>), so it refuses none
    /// of them, while a face between two residents who look alike (0.448 between jerry_seinfeld and bbt_howard) is
    /// named as neither.
    /// </summary>
    public const float DefaultMargin = 0.08f;

    /// <summary>As the old repeat interval: one decision per approach; the door's own pulse is 3 s.</summary>
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A face unseen this long has left: 0.5 s is 12 frames at 25 fps, longer than a detector miss or a head turn,
    /// shorter than the gap between two residents at a gate.
    /// </summary>
    public static readonly TimeSpan DefaultTrackTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>The same in frames, for a camera faster than 25 fps and a frame sequence with faces elsewhere in it.</summary>
    public const int DefaultTrackTimeoutFrames = 12;

    /// <summary>k: frames of the last <see cref="WindowFrames"/> that must match the same person.</summary>
    [Range(1, MaximumWindowFrames)]
    public int RequiredMatchingFrames { get; set; } = DefaultRequiredMatchingFrames;

    /// <summary>n: frames of evidence the last decision looks at.</summary>
    [Range(1, MaximumWindowFrames)]
    public int WindowFrames { get; set; } = DefaultWindowFrames;

    [Range(0.0, 1.0)]
    public float Margin { get; set; } = DefaultMargin;

    /// <summary>After a grant, the same person opens the door again only after this, and not while the door is still open.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan Cooldown { get; set; } = DefaultCooldown;

    [Range(typeof(TimeSpan), "00:00:00.040", "00:01:00")]
    public TimeSpan TrackTimeout { get; set; } = DefaultTrackTimeout;

    [Range(1, 10_000)]
    public int TrackTimeoutFrames { get; set; } = DefaultTrackTimeoutFrames;
}
