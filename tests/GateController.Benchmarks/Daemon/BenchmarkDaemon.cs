using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace GateController.Benchmarks.Daemon;

/// <summary>
/// The real <c>gate-controller</c> daemon (built beside the benchmarks) in simulation on a given data directory,
/// its admin socket read for <c>/v1/status</c>. Its log goes to a file in the data directory, read on failure.
/// </summary>
internal sealed class BenchmarkDaemon : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly string _logPath;

    private BenchmarkDaemon(Process process, string socketPath, string logPath)
    {
        _process = process;
        _logPath = logPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellation).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://gate-controller/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int ProcessId => _process.Id;

    /// <summary>Starts the daemon with <paramref name="settings"/> as <c>--set KEY=VALUE</c> and waits until it serves.</summary>
    public static BenchmarkDaemon Start(string dataDirectory, params string[] settings)
    {
        var socketPath = Path.Combine(dataDirectory, "admin.sock");
        var logPath = Path.Combine(dataDirectory, "daemon.log");
        var script = $"exec dotnet \"{Path.Combine(AppContext.BaseDirectory, "gate-controller.dll")}\" --simulate --data-dir \"{dataDirectory}\" --socket \"{socketPath}\""
            + string.Concat(settings.Select(s => $" --set \"{s}\"")) + $" >\"{logPath}\" 2>&1";
        var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { UseShellExecute = false })!;
        var daemon = new BenchmarkDaemon(process, socketPath, logPath);
        daemon.WaitFor(TimeSpan.FromSeconds(120), "to serve its admin socket", status => true);
        return daemon;
    }

    /// <summary>Polls status until <paramref name="ready"/> holds; throws with the daemon's log after <paramref name="timeout"/>.</summary>
    public JsonNode WaitFor(TimeSpan timeout, string what, Func<JsonNode, bool> ready)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"gate-controller exited with {_process.ExitCode} waiting {what}:\n{File.ReadAllText(_logPath)}");
            }

            if (TryStatus() is { } status && ready(status))
            {
                return status;
            }

            Thread.Sleep(250);
        }

        throw new TimeoutException($"gate-controller did not get {what} within {timeout}:\n{File.ReadAllText(_logPath)}");
    }

    public JsonNode? TryStatus()
    {
        try
        {
            return JsonNode.Parse(_http.GetStringAsync("v1/status").GetAwaiter().GetResult());
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or IOException)
        {
            return null;
        }
    }

    /// <summary>SIGTERM, as systemd stops it, then waits.</summary>
    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
