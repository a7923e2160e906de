using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GateController.Vision.Imaging;

/// <summary>
/// Bilinear shrinking of BGR images with cv::resize's INTER_LINEAR arithmetic: pixel centres aligned
/// (x = (dx + 0.5)·scale − 0.5), edge columns and rows clamped, 11-bit fixed-point weights, the horizontal pass
/// per source row and the vertical pass rounded as OpenCV's vector path does, so detection sees what it saw with
/// OpenCV. The tables for one size pair are kept, so a camera's frames allocate nothing here.
/// Not safe for concurrent calls (the detector serialises them).
/// </summary>
internal sealed class BilinearResize
{
    private const int WeightBits = 11;
    private const int WeightScale = 1 << WeightBits;

    private int _sourceWidth, _sourceHeight, _width, _height;
    private int[] _columnOffsets = [];
    private short[] _columnWeights = [];
    private int[] _rowIndices = [];
    private short[] _rowWeights = [];
    private int[] _upper = [];
    private int[] _lower = [];

    /// <summary>Fills <paramref name="destination"/> (already shaped to the wanted size) from <paramref name="source"/>.</summary>
    public void Resize(FaceImage source, FaceImage destination) => Resize(source, PixelRegion.Whole(source), destination);

    /// <summary>
    /// Fills <paramref name="destination"/> from <paramref name="region"/> of <paramref name="source"/>, as cv::resize of
    /// that sub-matrix would (edges clamped to the region, not the image). Enlarging works the same way.
    /// </summary>
    public void Resize(FaceImage source, PixelRegion region, FaceImage destination)
    {
        if (!region.FitsIn(source.Width, source.Height))
        {
            throw new ArgumentException($"The region {region} is not inside the {source.Width}x{source.Height} image.", nameof(region));
        }

        Prepare(region.Width, region.Height, destination.Width, destination.Height);
        var stride = source.Stride;
        var pixels = source.Pixels[((region.Y * stride) + (3 * region.X))..];
        var rowLength = 3 * region.Width;
        int upperRow = -1, lowerRow = -1;
        for (var dy = 0; dy < _height; dy++)
        {
            var top = _rowIndices[dy];
            var bottom = Math.Min(top + 1, _sourceHeight - 1);
            if (top == lowerRow)
            {
                (_upper, _lower) = (_lower, _upper);
                upperRow = lowerRow;
                lowerRow = -1;
            }

            if (top != upperRow)
            {
                Horizontal(pixels.Slice(top * stride, rowLength), _upper);
                upperRow = top;
            }

            if (bottom != lowerRow)
            {
                Horizontal(pixels.Slice(bottom * stride, rowLength), _lower);
                lowerRow = bottom;
            }

            Vertical(_upper, _lower, _rowWeights[2 * dy], _rowWeights[(2 * dy) + 1], destination.Row(dy));
        }
    }

    /// <remarks>Index arithmetic on refs: the tables were built for this row length, so every offset is in range (checked once here).</remarks>
    private void Horizontal(ReadOnlySpan<byte> row, Span<int> sums)
    {
        if (row.Length < 3 * _sourceWidth || sums.Length < 3 * _width)
        {
            throw new ArgumentException("The row or the sums do not match the prepared sizes.");
        }

        ref var source = ref MemoryMarshal.GetReference(row);
        ref var sum = ref MemoryMarshal.GetReference(sums);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_columnOffsets);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_columnWeights);
        for (var dx = 0; dx < _width; dx++)
        {
            int left = Unsafe.Add(ref offsets, 2 * dx), right = Unsafe.Add(ref offsets, (2 * dx) + 1);
            int a0 = Unsafe.Add(ref weights, 2 * dx), a1 = Unsafe.Add(ref weights, (2 * dx) + 1);
            ref var l = ref Unsafe.Add(ref source, left);
            ref var r = ref Unsafe.Add(ref source, right);
            ref var o = ref Unsafe.Add(ref sum, 3 * dx);
            o = (l * a0) + (r * a1);
            Unsafe.Add(ref o, 1) = (Unsafe.Add(ref l, 1) * a0) + (Unsafe.Add(ref r, 1) * a1);
            Unsafe.Add(ref o, 2) = (Unsafe.Add(ref l, 2) * a0) + (Unsafe.Add(ref r, 2) * a1);
        }
    }

    /// <summary>
    /// OpenCV's VResizeLinearVec_32s8u: each row sum is cut by 4 bits, multiplied keeping the high 16 bits, then
    /// rounded by 2. Sixteen bytes at a time with Vector128 (SSE2 here, NEON on the Pi); the results are 0–255 by
    /// construction, so narrowing loses nothing.
    /// </summary>
    private static void Vertical(ReadOnlySpan<int> upper, ReadOnlySpan<int> lower, int b0, int b1, Span<byte> destination)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var w0 = Vector128.Create(b0);
            var w1 = Vector128.Create(b1);
            var two = Vector128.Create(2);
            for (; i <= destination.Length - 16; i += 16)
            {
                var r0 = Row(upper.Slice(i), lower.Slice(i), w0, w1, two);
                var r1 = Row(upper.Slice(i + 4), lower.Slice(i + 4), w0, w1, two);
                var r2 = Row(upper.Slice(i + 8), lower.Slice(i + 8), w0, w1, two);
                var r3 = Row(upper.Slice(i + 12), lower.Slice(i + 12), w0, w1, two);
                Vector128.Narrow(Vector128.Narrow(r0, r1), Vector128.Narrow(r2, r3)).AsByte().CopyTo(destination.Slice(i));
            }
        }

        for (; i < destination.Length; i++)
        {
            var value = ((((upper[i] >> 4) * b0) >> 16) + (((lower[i] >> 4) * b1) >> 16) + 2) >> 2;
            destination[i] = (byte)Math.Clamp(value, 0, 255);
        }
    }

    private static Vector128<int> Row(ReadOnlySpan<int> upper, ReadOnlySpan<int> lower, Vector128<int> w0, Vector128<int> w1, Vector128<int> two)
    {
        var top = Vector128.ShiftRightArithmetic(Vector128.ShiftRightArithmetic(Vector128.Create(upper), 4) * w0, 16);
        var bottom = Vector128.ShiftRightArithmetic(Vector128.ShiftRightArithmetic(Vector128.Create(lower), 4) * w1, 16);
        return Vector128.ShiftRightArithmetic(top + bottom + two, 2);
    }

    private void Prepare(int sourceWidth, int sourceHeight, int width, int height)
    {
        if ((sourceWidth, sourceHeight, width, height) == (_sourceWidth, _sourceHeight, _width, _height))
        {
            return;
        }

        // A liveness crop changes its source size every frame: the tables keep their memory while the output size stays.
        Reuse(ref _columnOffsets, 2 * width);
        Reuse(ref _columnWeights, 2 * width);
        var scaleX = 1.0 / ((double)width / sourceWidth);
        for (var dx = 0; dx < width; dx++)
        {
            var (sx, fx) = SourcePosition(dx, scaleX, sourceWidth);
            _columnOffsets[2 * dx] = 3 * sx;
            _columnOffsets[(2 * dx) + 1] = 3 * Math.Min(sx + 1, sourceWidth - 1);
            (_columnWeights[2 * dx], _columnWeights[(2 * dx) + 1]) = Weights(fx);
        }

        Reuse(ref _rowIndices, height);
        Reuse(ref _rowWeights, 2 * height);
        var scaleY = 1.0 / ((double)height / sourceHeight);
        for (var dy = 0; dy < height; dy++)
        {
            var (sy, fy) = SourcePosition(dy, scaleY, sourceHeight);
            _rowIndices[dy] = sy;
            (_rowWeights[2 * dy], _rowWeights[(2 * dy) + 1]) = Weights(fy);
        }

        Reuse(ref _upper, 3 * width);
        Reuse(ref _lower, 3 * width);
        (_sourceWidth, _sourceHeight, _width, _height) = (sourceWidth, sourceHeight, width, height);
    }

    private static void Reuse<T>(ref T[] table, int length)
    {
        if (table.Length != length)
        {
            table = new T[length];
        }
    }

    /// <summary>The left (top) source pixel and the fraction towards the next; clamped at both edges as OpenCV does.</summary>
    private static (int Index, float Fraction) SourcePosition(int destination, double scale, int sourceLength)
    {
        var position = (float)(((destination + 0.5) * scale) - 0.5);
        var index = (int)MathF.Floor(position);
        var fraction = position - index;
        if (index < 0)
        {
            return (0, 0f);
        }

        return index >= sourceLength - 1 ? (sourceLength - 1, 0f) : (index, fraction);
    }

    private static (short, short) Weights(float fraction) =>
        ((short)MathF.Round((1f - fraction) * WeightScale), (short)MathF.Round(fraction * WeightScale));
}
