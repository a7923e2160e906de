using System.Globalization;

namespace GateController.Watchdog;

/// <summary>
/// What systemd tells a service with <c>WatchdogSec=</c> (sd_watchdog_enabled(3)): <c>WATCHDOG_USEC</c>, the time
/// after which a silent service is killed and restarted, <c>WATCHDOG_PID</c>, the process meant (a child that inherited
/// the variables must not ping), and <c>NOTIFY_SOCKET</c>, where the pings go.
/// </summary>
internal sealed record WatchdogSettings(string NotifySocket, TimeSpan Timeout)
{
    /// <summary>Half the timeout, as sd_watchdog_enabled(3) recommends: one late ping is not yet a restart.</summary>
    public TimeSpan PingInterval => Timeout / 2;

    /// <returns>The settings, or null with the reason when this process has no watchdog to feed.</returns>
    public static WatchdogSettings? FromEnvironment(Func<string, string?> variable, int processId, out string reason)
    {
        var socket = variable("NOTIFY_SOCKET");
        var microseconds = variable("WATCHDOG_USEC");
        var pid = variable("WATCHDOG_PID");
        if (string.IsNullOrEmpty(socket) || string.IsNullOrEmpty(microseconds))
        {
            reason = "no watchdog (WATCHDOG_USEC or NOTIFY_SOCKET not set: not started by systemd with WatchdogSec=)";
            return null;
        }

        if (!long.TryParse(microseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            reason = $"WATCHDOG_USEC is '{microseconds}', expected a positive number of microseconds";
            return null;
        }

        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            reason = $"the watchdog is meant for process {pid}, not this one ({processId})";
            return null;
        }

        reason = "";
        return new WatchdogSettings(socket, TimeSpan.FromMicroseconds(usec));
    }
}
