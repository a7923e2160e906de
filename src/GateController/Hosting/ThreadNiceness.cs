using System.Runtime.InteropServices;

namespace GateController.Hosting;

/// <summary>
/// Linux scheduling niceness per thread. .NET's Thread.Priority does nothing on Linux for an
/// unprivileged process, but raising one's own thread's nice value is always allowed, so the face
/// path runs "nicer" than input decoding and decisions, and a card never waits behind a face frame.
/// </summary>
internal static partial class ThreadNiceness
{
    /// <summary>Nice value for face inference and capture threads (0 is normal, 19 the lowest).</summary>
    public const int FacePath = 10;

    /// <summary>PRIO_PROCESS with a thread id addresses just that thread on Linux.</summary>
    private const int PriorityProcess = 0;

    public static bool LowerCurrentThread(int niceness) => SetPriority(PriorityProcess, GetThreadId(), niceness) == 0;

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);
}
