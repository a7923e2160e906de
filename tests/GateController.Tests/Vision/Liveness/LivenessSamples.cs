using GateController.Vision.Models;

namespace GateController.Tests.Vision.Liveness;

/// <summary>../shared/liveness: upstream's three labelled samples (README there): T1 real, F1 and F2 attacks.</summary>
internal static class LivenessSamples
{
    public static string Root { get; } = ModelLocations.FindShared(Path.Combine("shared", "liveness"))
        ?? throw new DirectoryNotFoundException("No ancestor of the test directory holds shared/liveness (the liveness samples).");

    public static string Real => Path.Combine(Root, "image_T1.jpg");

    public static string PrintAttack => Path.Combine(Root, "image_F1.jpg");

    public static string SecondAttack => Path.Combine(Root, "image_F2.jpg");
}
