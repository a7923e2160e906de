using GateController.Vision.Models;

namespace GateController.Tests.Vision;

/// <summary>The labelled photos in ../shared/faces (SOURCES.md): one folder per person plus groups, negatives and video.</summary>
internal static class FaceData
{
    private static readonly string[] NotPersons = ["groups", "negatives", "video"];

    public static string Root { get; } = ModelLocations.FindShared(Path.Combine("shared", "faces"))
        ?? throw new DirectoryNotFoundException("No ancestor of the test directory holds shared/faces (the labelled photos).");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Person folder names, ordinal order.</summary>
    public static IReadOnlyList<string> Persons { get; } = Directory.GetDirectories(Root)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => !NotPersons.Contains(name))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<string> PhotosOf(string person) => Directory.GetFiles(Path.Combine(Root, person))
        .Where(f => Path.GetExtension(f) is ".jpg" or ".png")
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>01.jpg or 01.png: the enrolment-style photo.</summary>
    public static string EnrolmentPhotoOf(string person) => PhotosOf(person)[0];

    public static IEnumerable<string> ProbesOf(string person) => PhotosOf(person).Skip(1);

    public static IReadOnlyList<string> Negatives => Directory.GetFiles(Path.Combine(Root, "negatives")).Order(StringComparer.Ordinal).ToArray();
}
