using System.Net;
using System.Net.Sockets;

namespace GateController.FaceWorker;

/// <summary>
/// <c>gate-controller face-sandbox-check DIR</c>: confines itself exactly as a face process does, then tries what a
/// compromised face process would: create a file in DIR (the data directory) and open a TCP connection. Prints one
/// line per probe; exits 0 when the sandbox refused both, 1 when either got through. For technicians and tests.
/// </summary>
internal static class SandboxCheckCommand
{
    public const string Name = "face-sandbox-check";

    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        if (args.Length != 2 || !Directory.Exists(args[1]))
        {
            Console.Error.WriteLine($"usage: gate-controller {Name} DIRECTORY (an existing directory the face processes must not write to)");
            return 64;
        }

        Console.WriteLine($"sandbox: {ProcessSandbox.Apply()} {LandlockConfinement.Apply(cameraPort: null)}");
        var held = ProbeWrite(Path.Combine(args[1], $".face-sandbox-probe-{Environment.ProcessId}"));
        held &= ProbeConnect();
        return held ? 0 : 1;
    }

    private static bool ProbeWrite(string path)
    {
        try
        {
            File.WriteAllText(path, "probe");
            File.Delete(path);
            Console.WriteLine($"write {path}: ALLOWED (the face processes could change the store)");
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            Console.WriteLine($"write {path}: refused");
            return true;
        }
    }

    private static bool ProbeConnect()
    {
        // Port 9 (discard) on loopback: with no sandbox the kernel answers "refused"; the sandbox answers "denied" first.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(new IPEndPoint(IPAddress.Loopback, 9));
            Console.WriteLine("tcp connect 127.0.0.1:9: ALLOWED");
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AccessDenied)
        {
            Console.WriteLine("tcp connect 127.0.0.1:9: refused");
            return true;
        }
        catch (SocketException exception)
        {
            Console.WriteLine($"tcp connect 127.0.0.1:9: reached the network ({exception.SocketErrorCode})");
            return false;
        }
    }
}
