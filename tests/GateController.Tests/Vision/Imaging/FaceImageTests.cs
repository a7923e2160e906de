using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Tests.Vision.Imaging;

public sealed class FaceImageTests
{
    private static readonly ImageSizeLimit WorkerLimit = new(50_000_000, "Face:Worker:MaximumImagePixels");

    [TestCase("bbt_amy/01.png")]
    [TestCase("madonna/18.jpg")]
    [TestCase("deepface_01/01.jpg")]
    public void Load_decodes_colour_and_greyscale_photos_to_three_channel_BGR(string relative)
    {
        using var image = FaceImage.Load(FaceData.PathOf(relative));

        Assert.That(image.Width, Is.GreaterThan(0));
        Assert.That(image.Pixels.Length, Is.EqualTo(3 * image.Width * image.Height));
    }

    /// <summary>The same pixels as the OpenCV build it replaced: colour, greyscale and "other" colour-space JPEGs, grey, alpha and colour PNGs.</summary>
    [TestCase("deepface_01/01.jpg")]
    [TestCase("madonna/18.jpg")]
    [TestCase("bbt_amy/01.png")]
    [TestCase("groups/couple.jpg")]
    [TestCase("negatives/coins.png")]
    public void Decode_gives_the_pixels_of_OpenCV_imdecode(string relative)
    {
        var bytes = File.ReadAllBytes(FaceData.PathOf(relative));
        using var ours = FaceImage.Decode(bytes, relative);
        using var reference = Cv2.ImDecode(bytes, ImreadModes.Color);

        var (differing, largest) = OpenCvReference.Compare(ours.Pixels, OpenCvReference.BytesOf(reference));

        TestContext.Out.WriteLine($"{relative}: {differing} of {ours.Pixels.Length} bytes differ, by at most {largest}");
        Assert.That((ours.Width, ours.Height), Is.EqualTo((reference.Cols, reference.Rows)));
        Assert.That((differing, largest), Is.EqualTo((0, 0)), "the same libjpeg-turbo and libpng settings");
    }

    [TestCase((ushort)3)]
    [TestCase((ushort)6)]
    [TestCase((ushort)8)]
    [TestCase((ushort)2)]
    [TestCase((ushort)5)]
    [TestCase((ushort)7)]
    public void Decode_turns_a_photo_upright_by_its_EXIF_orientation_as_OpenCV_does(ushort orientation)
    {
        var tagged = ExifJpeg.WithOrientation(File.ReadAllBytes(FaceData.PathOf("deepface_01/01.jpg")), orientation);
        using var ours = FaceImage.Decode(tagged, "portrait.jpg");
        using var reference = Cv2.ImDecode(tagged, ImreadModes.Color);

        var (differing, largest) = OpenCvReference.Compare(ours.Pixels, OpenCvReference.BytesOf(reference));

        Assert.That((ours.Width, ours.Height), Is.EqualTo((reference.Cols, reference.Rows)));
        Assert.That(largest, Is.LessThanOrEqualTo(1), $"{differing} bytes differ");
    }

    [Test]
    public void Decode_refuses_an_image_whose_header_declares_too_many_pixels_without_allocating_it()
    {
        var png = HugePng.Solid(30_000, 30_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => FaceImage.Decode(png, "huge.png", WorkerLimit),
            Throws.TypeOf<ImageTooLargeException>().With.Message.EqualTo(
                "huge.png is 30000 × 30000 pixels (900,000,000), more than the limit of 50,000,000 (Face:Worker:MaximumImagePixels); it was not decoded"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1_000_000), "managed bytes allocated by the refusal");
        Assert.That(png, Has.Length.LessThan(300_000), "the file itself is small");
    }

    [Test]
    public void Decode_accepts_an_image_exactly_at_the_limit()
    {
        using var image = FaceImage.Decode(HugePng.Solid(100, 50), "edge.png", new ImageSizeLimit(5000, "Test:Limit"));

        Assert.That((image.Width, image.Height), Is.EqualTo((100, 50)));
        Assert.That(image.Pixels[..3].ToArray(), Is.EqualTo(new byte[] { 200, 120, 40 }), "palette RGB becomes BGR");
    }

    [Test]
    public void Decode_rejects_bytes_that_are_no_image()
    {
        Assert.That(() => FaceImage.Decode("hello, not a photo"u8, "upload.jpg"),
            Throws.TypeOf<ImageDecodeException>().With.Message.EqualTo(
                "upload.jpg is not a readable image (expected JPEG or PNG): it does not start with a JPEG or PNG signature"));
    }

    [Test]
    public void Decode_rejects_a_corrupt_JPEG_that_only_has_the_signature()
    {
        byte[] corrupt = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 1, 2, 3, 4, 5];

        Assert.That(() => FaceImage.Decode(corrupt, "corrupt.jpg"),
            Throws.TypeOf<ImageDecodeException>().With.Message.Contains("corrupt.jpg is not a readable image (expected JPEG or PNG)"));
    }

    /// <summary>A JPEG cut short is decoded as far as it goes when libjpeg-turbo can (OpenCV did the same); a PNG cut short is refused.</summary>
    [Test]
    public void Decode_rejects_a_truncated_PNG()
    {
        var bytes = File.ReadAllBytes(FaceData.PathOf("bbt_amy/01.png"));

        var refusal = Assert.Throws<ImageDecodeException>(() => FaceImage.Decode(bytes[..(bytes.Length / 2)], "half.png"));

        Assert.That(refusal!.Message, Is.EqualTo("half.png is not a readable image (expected JPEG or PNG): it is truncated"));
    }

    [Test]
    public void Decode_rejects_WebP_data_even_under_a_jpg_name()
    {
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8];

        Assert.That(() => FaceImage.Decode(webp, "img47.jpg"), Throws.TypeOf<ImageDecodeException>());
    }

    [Test]
    public void Load_of_a_missing_file_names_the_path()
    {
        Assert.That(() => FaceImage.Load("/nonexistent/face.jpg"),
            Throws.TypeOf<ImageDecodeException>().With.Message.StartsWith("/nonexistent/face.jpg is not a readable image"));
    }

    [Test]
    public void EncodePng_round_trips_the_pixels()
    {
        using var image = FaceImage.Load(FaceData.PathOf("deepface_01/01.jpg"));

        using var again = FaceImage.Decode(image.EncodePng(), "again.png");

        Assert.That(again.Pixels.SequenceEqual(image.Pixels), Is.True);
    }
}
