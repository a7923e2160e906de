using System.Runtime.InteropServices;

namespace GateController.FaceWorker;

/// <summary>
/// What a face process enforces on itself before it opens a model or a frame: no core dumps (a dump would hold
/// camera frames and embeddings), not dumpable (no ptrace or /proc/PID/mem from another process of the same
/// user), no new privileges, and a cap on open files. The niceness comes from the daemon, which starts the
/// process from a niced thread. What the unit adds for both processes is in the README.
/// </summary>
internal static partial class ProcessSandbox
{
    private const int ResourceCore = 4;
    private const int ResourceOpenFiles = 7;
    private const int SetDumpable = 4;
    private const int SetNoNewPrivileges = 38;

    /// <summary>Model files, the camera, pipes and the runtime's own: a few dozen at most.</summary>
    private const ulong MaximumOpenFiles = 256;

    /// <returns>A one-line account of what is in force, for the daemon's status.</returns>
    public static string Apply()
    {
        var applied = new List<string>();
        Note(applied, "core=0", SetResourceLimit(ResourceCore, 0));
        Note(applied, $"nofile={MaximumOpenFiles}", SetResourceLimit(ResourceOpenFiles, MaximumOpenFiles));
        Note(applied, "dumpable=0", Prctl(SetDumpable, 0, 0, 0, 0) == 0);
        Note(applied, "no_new_privs", Prctl(SetNoNewPrivileges, 1, 0, 0, 0) == 0);
        applied.Add($"nice={CurrentNiceness()}");
        return string.Join(' ', applied);
    }

    private static void Note(List<string> applied, string what, bool succeeded) => applied.Add(succeeded ? what : $"{what}:failed");

    private static bool SetResourceLimit(int resource, ulong limit)
    {
        var value = new ResourceLimit { Current = limit, Maximum = limit };
        return SetRlimit(resource, ref value) == 0;
    }

    /// <summary>getpriority returns 20 − nice through the raw syscall, the nice value through libc; libc's is read here.</summary>
    private static int CurrentNiceness() => GetPriority(0, 0);

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRlimit(int resource, ref ResourceLimit limit);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, ulong argument2, ulong argument3, ulong argument4, ulong argument5);

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);
}
