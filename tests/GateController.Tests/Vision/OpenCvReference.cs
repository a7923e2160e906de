using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Tests.Vision;

/// <summary>OpenCV, the x64 reference the hand-written image code is checked against (the product itself has no OpenCV).</summary>
internal static class OpenCvReference
{
    public static unsafe Mat ToMat(FaceImage image)
    {
        var mat = new Mat(image.Height, image.Width, MatType.CV_8UC3);
        image.Pixels.CopyTo(new Span<byte>((void*)mat.Data, image.Pixels.Length));
        return mat;
    }

    /// <summary>The BGR bytes of a continuous CV_8UC3 Mat.</summary>
    public static unsafe byte[] BytesOf(Mat mat)
    {
        Assert.That((mat.Type(), mat.IsContinuous()), Is.EqualTo((MatType.CV_8UC3, true)));
        return new ReadOnlySpan<byte>((void*)mat.Data, mat.Rows * mat.Cols * 3).ToArray();
    }

    /// <summary>How many bytes differ, and by how much at most.</summary>
    public static (int Differing, int Largest) Compare(ReadOnlySpan<byte> ours, ReadOnlySpan<byte> reference)
    {
        Assert.That(ours.Length, Is.EqualTo(reference.Length), "sizes differ");
        int differing = 0, largest = 0;
        for (var i = 0; i < ours.Length; i++)
        {
            var difference = Math.Abs(ours[i] - reference[i]);
            differing += difference > 0 ? 1 : 0;
            largest = Math.Max(largest, difference);
        }

        return (differing, largest);
    }
}
