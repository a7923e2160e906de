using System.Numerics;

namespace GateController.Vision.Detection;

/// <summary>
/// Turns YuNet's per-stride outputs into faces (MODELS.md "decoding", the same arithmetic as OpenCV's
/// face_detect.cpp): anchor i is row i / cols, column i % cols; score = sqrt(cls * obj).
/// </summary>
internal static class YuNetDecoder
{
    public static readonly int[] Strides = [8, 16, 32];

    /// <summary>
    /// Appends the anchors of one stride whose score reaches <paramref name="scoreThreshold"/>, with boxes and
    /// landmarks divided by <paramref name="scale"/> (detector input pixels back to frame pixels).
    /// </summary>
    public static void Decode(
        ReadOnlySpan<float> cls,
        ReadOnlySpan<float> obj,
        ReadOnlySpan<float> bbox,
        ReadOnlySpan<float> kps,
        int stride,
        int paddedWidth,
        int paddedHeight,
        float scoreThreshold,
        float scale,
        List<DetectedFace> candidates)
    {
        int cols = paddedWidth / stride, rows = paddedHeight / stride;
        var anchors = cols * rows;
        if (cls.Length < anchors || obj.Length < anchors || bbox.Length < 4 * anchors || kps.Length < 10 * anchors)
        {
            throw new ArgumentException($"YuNet stride {stride} outputs are shorter than {anchors} anchors for a {paddedWidth}x{paddedHeight} input.");
        }

        var inverse = 1f / scale;
        for (var i = 0; i < anchors; i++)
        {
            var score = MathF.Sqrt(Math.Clamp(cls[i], 0f, 1f) * Math.Clamp(obj[i], 0f, 1f));
            if (score < scoreThreshold)
            {
                continue;
            }

            int r = i / cols, c = i % cols;
            var cx = (c + bbox[4 * i]) * stride;
            var cy = (r + bbox[(4 * i) + 1]) * stride;
            var w = MathF.Exp(bbox[(4 * i) + 2]) * stride;
            var h = MathF.Exp(bbox[(4 * i) + 3]) * stride;
            var k = kps.Slice(10 * i, 10);
            var landmarks = new FaceLandmarks(
                Point(k, 0, c, r, stride, inverse), Point(k, 1, c, r, stride, inverse), Point(k, 2, c, r, stride, inverse),
                Point(k, 3, c, r, stride, inverse), Point(k, 4, c, r, stride, inverse));
            candidates.Add(new DetectedFace((cx - (w / 2)) * inverse, (cy - (h / 2)) * inverse, w * inverse, h * inverse, score, landmarks));
        }
    }

    private static Vector2 Point(ReadOnlySpan<float> k, int n, int column, int row, int stride, float inverse) =>
        new Vector2((column + k[2 * n]) * stride, (row + k[(2 * n) + 1]) * stride) * inverse;
}
