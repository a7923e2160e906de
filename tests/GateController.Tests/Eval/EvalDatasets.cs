using GateController.Tests.Vision;

namespace GateController.Tests.Eval;

/// <summary>
/// Evaluation datasets arranged at test time from ../shared/faces and ../shared/liveness, as symbolic links (the
/// photos are never copied), plus damaged or faceless photos where a test needs them.
/// </summary>
internal static class EvalDatasets
{
    /// <summary>One folder per person of ../shared/faces (no groups, negatives or video).</summary>
    public static string Persons(string directory)
    {
        var root = Directory.CreateDirectory(Path.Combine(directory, "persons")).FullName;
        foreach (var person in FaceData.Persons)
        {
            Directory.CreateSymbolicLink(Path.Combine(root, person), Path.Combine(FaceData.Root, person));
        }

        return root;
    }

    /// <summary>../shared/liveness as --pad wants it: live/ = image_T1 (real), print/ = image_F1 and image_F2 (spoofs).</summary>
    public static string Liveness(string directory)
    {
        var root = Directory.CreateDirectory(Path.Combine(directory, "pad")).FullName;
        var shared = GateController.Vision.Models.ModelLocations.FindShared(Path.Combine("shared", "liveness"))
            ?? throw new DirectoryNotFoundException("No ancestor of the test directory holds shared/liveness.");
        foreach (var (folder, photo) in new[] { ("live", "image_T1.jpg"), ("print", "image_F1.jpg"), ("print", "image_F2.jpg") })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
            File.CreateSymbolicLink(Path.Combine(root, folder, photo), Path.Combine(shared, photo));
        }

        return root;
    }

    /// <summary>
    /// <see cref="Persons"/>, with the first person's folder made real and given, after its own photos in name order
    /// (so the split is unchanged), a damaged JPEG and a photo with no face.
    /// </summary>
    public static string PersonsWithBadPhotos(string directory, out string person)
    {
        var root = Persons(directory);
        person = FaceData.Persons[0];
        var folder = Path.Combine(root, person);
        Directory.Delete(folder);
        Directory.CreateDirectory(folder);
        foreach (var photo in FaceData.PhotosOf(person))
        {
            File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(photo)), photo);
        }

        File.WriteAllBytes(Path.Combine(folder, "zz_damaged.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8]);
        File.CreateSymbolicLink(Path.Combine(folder, "zz_no_face.jpg"), FaceData.Negatives.First(n => n.EndsWith("giraffe.jpg", StringComparison.Ordinal)));
        return root;
    }
}
