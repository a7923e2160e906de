using System.Globalization;

namespace GateController.Benchmarks.Idle;

/// <summary>CPU time of a process from <c>/proc/PID/stat</c> (utime + stime), and its child processes.</summary>
internal static class ProcessCpu
{
    // USER_HZ: 100 on every Linux build this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    /// <returns>CPU seconds used so far, or null when the process is gone.</returns>
    public static double? Seconds(int processId)
    {
        var fields = Fields(processId);
        return fields is null ? null : (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>The processes whose parent is <paramref name="processId"/> (the worker's ffmpeg).</summary>
    public static IReadOnlyList<int> Children(int processId) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Fields(pid) is { } fields && fields[1] == processId.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The fields after the command name (which may hold spaces): state, ppid, ..., utime at 11, stime at 12.</summary>
    private static string[]? Fields(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
