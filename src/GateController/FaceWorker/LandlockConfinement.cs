using System.Runtime.InteropServices;

namespace GateController.FaceWorker;

/// <summary>
/// The face process confines itself with Landlock (Linux 5.13+, no privilege needed, inherited by ffmpeg): from then on
/// it can create, write, truncate, rename or remove no file anywhere, except open devices under /dev (a V4L2 camera is
/// opened read-write); and, unless the camera is a network stream, make or accept no TCP connection (a stream may only
/// connect to its own port). Abstract Unix sockets and signals outside the process tree are closed off too (ABI 6).
/// This holds in simulation and tests as well as under the unit, and for root. Irreversible for the process.
/// </summary>
internal static partial class LandlockConfinement
{
    private const long CreateRulesetSyscall = 444;
    private const long AddRuleSyscall = 445;
    private const long RestrictSelfSyscall = 446;
    private const uint CreateRulesetVersion = 1;
    private const int RulePathBeneath = 1;
    private const int RuleNetPort = 2;
    private const int OpenPath = 0x200000;
    private const int OpenCloseOnExec = 0x80000;

    private const ulong WriteFile = 1UL << 1;
    private const ulong RemoveDirectory = 1UL << 4;
    private const ulong RemoveFile = 1UL << 5;
    private const ulong MakeAnyNode = 0x7FUL << 6; // character device, directory, regular file, socket, FIFO, block device, symlink
    private const ulong Refer = 1UL << 13;
    private const ulong Truncate = 1UL << 14;
    private const ulong BindTcp = 1UL << 0;
    private const ulong ConnectTcp = 1UL << 1;
    private const ulong ScopeAbstractUnixSocket = 1UL << 0;
    private const ulong ScopeSignal = 1UL << 1;

    /// <param name="cameraPort">The TCP port a network camera is reached on; null when the camera is not on the network.</param>
    /// <returns>What is in force, for the worker's hello and <c>gatectl status</c>.</returns>
    public static string Apply(int? cameraPort)
    {
        var abi = (int)Syscall(CreateRulesetSyscall, IntPtr.Zero, 0, CreateRulesetVersion);
        if (abi < 1)
        {
            return $"landlock:unavailable(errno {Marshal.GetLastPInvokeError()})";
        }

        var fileSystem = WriteFile | RemoveDirectory | RemoveFile | MakeAnyNode | (abi >= 2 ? Refer : 0) | (abi >= 3 ? Truncate : 0);
        var network = abi >= 4 ? BindTcp | ConnectTcp : 0;
        var scoped = abi >= 6 ? ScopeAbstractUnixSocket | ScopeSignal : 0;
        var attributes = new RulesetAttributes { HandledFileSystem = fileSystem, HandledNetwork = network, Scoped = scoped };
        var size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
        var ruleset = (int)Syscall(CreateRulesetSyscall, ref attributes, size, 0);
        if (ruleset < 0)
        {
            return $"landlock:failed(errno {Marshal.GetLastPInvokeError()})";
        }

        try
        {
            var devices = AllowBeneath(ruleset, "/dev", WriteFile | (abi >= 3 ? Truncate : 0));
            if (network != 0 && cameraPort is { } port)
            {
                var rule = new NetPortAttributes { AllowedAccess = ConnectTcp, Port = (ulong)port };
                _ = Syscall(AddRuleSyscall, ruleset, RuleNetPort, ref rule, 0);
            }

            if (Syscall(RestrictSelfSyscall, ruleset, 0) != 0)
            {
                return $"landlock:failed(errno {Marshal.GetLastPInvokeError()})";
            }

            var tcp = network == 0 ? "" : cameraPort is { } allowed ? $",tcp=camera:{allowed}" : ",tcp=none";
            return $"landlock={abi}:writes=none{(devices ? "+/dev" : "")}{tcp}{(scoped != 0 ? ",scoped" : "")}";
        }
        finally
        {
            _ = Close(ruleset);
        }
    }

    private static bool AllowBeneath(int ruleset, string directory, ulong access)
    {
        var parent = Open(directory, OpenPath | OpenCloseOnExec);
        if (parent < 0)
        {
            return false;
        }

        try
        {
            var rule = new PathBeneathAttributes { AllowedAccess = access, ParentDescriptor = parent };
            return Syscall(AddRuleSyscall, ruleset, RulePathBeneath, ref rule, 0) == 0;
        }
        finally
        {
            _ = Close(parent);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RulesetAttributes
    {
        public ulong HandledFileSystem;
        public ulong HandledNetwork;
        public ulong Scoped;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct PathBeneathAttributes
    {
        public ulong AllowedAccess;
        public int ParentDescriptor;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NetPortAttributes
    {
        public ulong AllowedAccess;
        public ulong Port;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, IntPtr attributes, long size, uint flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, ref RulesetAttributes attributes, long size, uint flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int ruleset, int type, ref PathBeneathAttributes rule, uint flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int ruleset, int type, ref NetPortAttributes rule, uint flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int ruleset, uint flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
