using System.Diagnostics;
using System.Reflection;

namespace GateController.Cli.Doctor;

/// <summary>The clock, the disk and the unit's hardening.</summary>
internal static class SystemChecks
{
    /// <summary>A store on an SD card needs room for its WAL, backups and events; below this writes start failing soon.</summary>
    private const long MinimumFreeBytes = 200L * 1024 * 1024;

    private static readonly string[] Hardening =
        ["NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateNetwork=yes", "CapabilityBoundingSet=", "SystemCallFilter=@system-service", "ProtectProc=invisible", "DevicePolicy=closed"];

    public static DoctorFinding Clock()
    {
        const string Check = "clock";
        var now = DateTimeOffset.UtcNow;
        var built = File.GetLastWriteTimeUtc(Assembly.GetExecutingAssembly().Location);
        if (now < built)
        {
            return DoctorFinding.Fail(Check, $"the clock says {now:yyyy-MM-dd HH:mm} UTC, before this program was built ({built:yyyy-MM-dd})",
                "set the time (timedatectl set-time) and enable NTP (timedatectl set-ntp true); validity dates and schedules depend on it");
        }

        var synchronized = File.Exists("/run/systemd/timesync/synchronized") || Run("timedatectl", "show -p NTPSynchronized --value")?.Trim() == "yes";
        return synchronized
            ? DoctorFinding.Pass(Check, $"{now:yyyy-MM-dd HH:mm} UTC, synchronised by NTP")
            : DoctorFinding.Fail(Check, $"{now:yyyy-MM-dd HH:mm} UTC, but not synchronised by NTP",
                "timedatectl set-ntp true (a Pi has no battery clock: without NTP it starts at its last shutdown time)");
    }

    public static DoctorFinding Disk(DoctorContext context)
    {
        const string Check = "disk";
        var directory = Directory.Exists(context.DataDirectory) ? context.DataDirectory : Path.GetDirectoryName(context.DataDirectory.TrimEnd('/')) ?? "/";
        var drive = new DriveInfo(Path.GetFullPath(directory));
        var free = drive.AvailableFreeSpace;
        var detail = $"{free / (1024 * 1024):N0} MB free of {drive.TotalSize / (1024 * 1024):N0} MB on {drive.Name} ({directory})";
        return free >= MinimumFreeBytes
            ? DoctorFinding.Pass(Check, detail)
            : DoctorFinding.Fail(Check, detail, "free space: journalctl --vacuum-size=100M, SystemMaxUse= in journald.conf, fewer Retention:AutomaticBackupsKept");
    }

    public static DoctorFinding Unit()
    {
        const string Check = "unit";
        var shown = Run("systemctl", "cat gate-controller.service");
        if (shown is null)
        {
            return DoctorFinding.Skip(Check, "systemd is not running here (no systemctl, or the unit is not installed)");
        }

        var missing = Hardening.Where(setting => !shown.Split('\n').Any(line => line.Trim().StartsWith(setting, StringComparison.Ordinal))).ToList();
        return missing.Count == 0
            ? DoctorFinding.Pass(Check, $"gate-controller.service has {string.Join(", ", Hardening)}")
            : DoctorFinding.Fail(Check, $"gate-controller.service lacks {string.Join(", ", missing)}",
                "reinstall the package's unit, or remove the drop-in that overrides it (systemctl cat gate-controller shows each file); systemd-analyze security gate-controller rates it");
    }

    private static string? Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            var output = process!.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
