using GateController.Vision.Overlay;

namespace GateController.Cli.Eval;

/// <summary>
/// The font the report plots are labelled in. SkiaSharp's NoDependencies build (the daemon's: no fontconfig) finds no
/// system font by itself, and ScottPlot then draws every label empty; so a TrueType file is registered by path. The
/// package depends on fonts-dejavu-core for it (deploy/debian/file-depends).
/// </summary>
internal static class PlotFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<string?> Registered = new(Register);

    /// <summary>The family to set on a plot.</summary>
    /// <exception cref="CliException">No font file is installed.</exception>
    public static string Use() => Registered.Value
        ?? throw new CliException($"no font for the plot's labels: none of {string.Join(", ", OverlayTypeface.Candidates)} exists; install fonts-dejavu-core", ExitCodes.LocalInput);

    private static string? Register()
    {
        var file = OverlayTypeface.FontFile;
        if (file is null)
        {
            return null;
        }

        ScottPlot.Fonts.AddFontFile(Family, file);
        var bold = Path.Combine(Path.GetDirectoryName(file)!, "DejaVuSans-Bold.ttf");
        ScottPlot.Fonts.AddFontFile(Family, File.Exists(bold) ? bold : file, bold: true);
        ScottPlot.Fonts.Default = Family;
        return Family;
    }
}
