using SkiaSharp;

namespace GateController.Vision.Overlay;

/// <summary>
/// The font of the overlay's scores and notes and of gatectl eval's plots. The SkiaSharp build here has no fontconfig
/// (NativeAssets.Linux.NoDependencies), so its default typeface draws nothing; the file is read by path from
/// fonts-dejavu-core, a Depends of the package (deploy/debian/file-depends).
/// </summary>
public static class OverlayTypeface
{
    /// <summary>Debian's path first (arm64 and amd64 alike), then other distributions' for a development machine.</summary>
    public static IReadOnlyList<string> Candidates { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ];

    private static readonly Lazy<SKTypeface?> Loaded = new(() => FontFile is { } file ? SKTypeface.FromFile(file) : null);

    /// <summary>The first DejaVu Sans file that exists, or null.</summary>
    public static string? FontFile => Candidates.FirstOrDefault(File.Exists);

    /// <summary>DejaVu Sans, or null when the font is missing (the notes then reach gatectl as text only).</summary>
    public static SKTypeface? Typeface => Loaded.Value;
}
