using Microsoft.Win32.SafeHandles;

namespace GateController.Face;

/// <summary>Resident memory of another process, from <c>/proc/PID/statm</c> (its second field, in pages).</summary>
internal static class ProcessMemory
{
    /// <returns>Bytes resident, or null when the process is gone.</returns>
    public static long? ResidentBytes(int processId)
    {
        Span<byte> buffer = stackalloc byte[128];
        int read;
        try
        {
            using SafeFileHandle handle = File.OpenHandle($"/proc/{processId}/statm");
            read = RandomAccess.Read(handle, buffer, 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var text = buffer[..read];
        var firstSpace = text.IndexOf((byte)' ');
        if (firstSpace < 0)
        {
            return null;
        }

        var rest = text[(firstSpace + 1)..];
        var end = rest.IndexOf((byte)' ');
        return long.TryParse(end < 0 ? rest : rest[..end], out var pages) ? pages * Environment.SystemPageSize : null;
    }
}
