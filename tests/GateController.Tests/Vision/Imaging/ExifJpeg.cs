namespace GateController.Tests.Vision.Imaging;

/// <summary>Gives a JPEG an EXIF orientation tag, as a phone does for a portrait stored sideways.</summary>
internal static class ExifJpeg
{
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        // APP1 "Exif\0\0", a little-endian TIFF header, IFD0 with the one entry 0x0112 (SHORT, count 1).
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0];
        byte[] exif = [.. "Exif"u8, 0, 0, .. tiff];
        var length = exif.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}
