using GateController.Vision.Imaging;

namespace GateController.Tests.Vision.Imaging;

public sealed class FaceImageTests
{
    [TestCase("bbt_amy/01.png")]
    [TestCase("madonna/18.jpg")]
    [TestCase("deepface_01/01.jpg")]
    public void Load_decodes_colour_and_greyscale_photos_to_three_channel_BGR(string relative)
    {
        using var image = FaceImage.Load(FaceData.PathOf(relative));

        Assert.That(image.Width, Is.GreaterThan(0));
        Assert.That(image.Mat.Channels(), Is.EqualTo(3));
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
}
