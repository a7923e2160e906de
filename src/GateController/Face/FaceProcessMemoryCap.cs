using System.Diagnostics;

namespace GateController.Face;

/// <summary>
/// Holds a short-lived face process (analysis, liveness scoring) to its memory cap: polls its resident memory and
/// kills it over the cap, so a decompression bomb ends that process and the caller can name the image it was on.
/// </summary>
internal static class FaceProcessMemoryCap
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs until <paramref name="stop"/>; calls <paramref name="over"/> and kills the process when it goes over.</summary>
    public static void Watch(Process process, int limitMegabytes, Action over, CancellationToken stop)
    {
        var cap = limitMegabytes * 1024L * 1024L;
        while (!stop.WaitHandle.WaitOne(PollInterval))
        {
            if (ProcessMemory.ResidentBytes(process.Id) is { } resident && resident > cap)
            {
                over();
                KillQuietly(process);
                return;
            }
        }
    }

    public static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
