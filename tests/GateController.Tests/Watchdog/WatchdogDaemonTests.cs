using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using GateController.Tests.Daemon;

namespace GateController.Tests.Watchdog;

/// <summary>
/// The real daemon with a fake systemd: a datagram socket as <c>NOTIFY_SOCKET</c> and a 1 s <c>WATCHDOG_USEC</c>. It pings
/// while the engine answers, stops once <c>gatectl sim engine stall</c> hangs the engine's thread, and pings again after
/// <c>resume</c>. Waits are bounded: nothing here is a timing assertion beyond "none in several intervals".
/// </summary>
[NonParallelizable]
public sealed class WatchdogDaemonTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private string _directory = "";
    private Socket _notify = null!;
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public async Task StartDaemonWithAFakeSystemd()
    {
        _directory = Directory.CreateTempSubdirectory("gate-watchdog-").FullName;
        var socketPath = Path.Combine(_directory, "notify");
        _notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        _daemon = await DaemonProcess.StartAsync(
            Path.Combine(_directory, "data"),
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socketPath, ["WATCHDOG_USEC"] = ((long)Timeout.TotalMicroseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "--set", "Face:Enabled=false");
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        _notify.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Pings_stop_while_the_engine_thread_is_stalled_and_resume_after()
    {
        Assert.That(await CountPingsAsync(TimeSpan.FromSeconds(5)), Is.GreaterThanOrEqualTo(3), _daemon.Log);

        var stalled = await _daemon.GatectlAsync("sim", "engine", "stall");
        Assert.That(stalled.ExitCode, Is.Zero, stalled.ToString());
        // A check that passed just before the stall may still ping once: let one interval go by first.
        await CountPingsAsync(Timeout);
        var whileStalled = await CountPingsAsync(Timeout * 4);
        var status = JsonNode.Parse((await _daemon.GatectlAsync("status", "--json")).StandardOutput)!;
        var resumed = await _daemon.GatectlAsync("sim", "engine", "resume");

        Assert.That(whileStalled, Is.Zero, "no ping while the engine is hung, so systemd would restart the daemon");
        Assert.That(_daemon.Log, Does.Contain("Watchdog pings withheld").And.Contain("the decision engine did not answer"));
        Assert.That(status["watchdog"]!["state"]!.GetValue<string>(), Is.EqualTo("failed"), status.ToJsonString());
        Assert.That(resumed.ExitCode, Is.Zero, resumed.ToString());
        Assert.That(await CountPingsAsync(TimeSpan.FromSeconds(5)), Is.GreaterThanOrEqualTo(3), "pings resume once the engine answers");
        Assert.That(_daemon.Log, Does.Contain("Watchdog pings resumed"));
    }

    [Test]
    public async Task Status_shows_the_watchdog_feeding_systemd()
    {
        var status = JsonNode.Parse((await _daemon.GatectlAsync("status", "--json")).StandardOutput)!;

        Assert.That(status["watchdog"]!["state"]!.GetValue<string>(), Is.EqualTo("healthy"), status.ToJsonString());
        Assert.That(status["watchdog"]!["timeoutSeconds"]!.GetValue<double>(), Is.EqualTo(1.0));
    }

    private async Task<int> CountPingsAsync(TimeSpan during)
    {
        var pings = 0;
        var buffer = new byte[256];
        using var window = new CancellationTokenSource(during);
        try
        {
            while (true)
            {
                var received = await _notify.ReceiveAsync(buffer, SocketFlags.None, window.Token);
                if (Encoding.UTF8.GetString(buffer, 0, received) == "WATCHDOG=1")
                {
                    pings++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return pings;
        }
    }
}
