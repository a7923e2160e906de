using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace GateController.Tests.Daemon;

/// <summary>The real daemon in simulation mode on a temporary data directory and socket.</summary>
internal sealed partial class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private DaemonProcess(Process process, string dataDirectory, string socketPath)
    {
        _process = process;
        DataDirectory = dataDirectory;
        SocketPath = socketPath;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string DataDirectory { get; }

    public string SocketPath { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>Sends a signal to another process (the face worker, say).</summary>
    public static void Signal(int processId, int signal) => _ = Kill(processId, signal);

    public static Task<DaemonProcess> StartAsync(string dataDirectory, params string[] extraArguments) =>
        StartAsync(dataDirectory, new Dictionary<string, string>(), extraArguments);

    public static async Task<DaemonProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, params string[] extraArguments)
    {
        Directory.CreateDirectory(dataDirectory);
        var socketPath = Path.Combine(dataDirectory, "admin.sock");
        string[] arguments = ["--simulate", "--data-dir", dataDirectory, "--socket", socketPath, .. extraArguments];
        var info = DotnetProcess.StartInfo("gate-controller", arguments);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var daemon = new DaemonProcess(Process.Start(info)!, dataDirectory, socketPath);
        await daemon.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        return daemon;
    }

    public Task<ProcessResult> GatectlAsync(params string[] arguments) =>
        DotnetProcess.RunAsync("gatectl", ["--socket", SocketPath, .. arguments]);

    public Task<ProcessResult> GatectlWithInputAsync(string standardInput, params string[] arguments) =>
        DotnetProcess.RunAsync("gatectl", ["--socket", SocketPath, .. arguments], standardInput);

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"gate-controller exited with {_process.ExitCode} during start-up:\n{Log}");
            }

            if (File.Exists(SocketPath) && CanConnect())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"gate-controller did not open {SocketPath} within {timeout}:\n{Log}");
    }

    private bool CanConnect()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>Sends SIGTERM, as systemd does, and waits for a clean exit.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 9);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
