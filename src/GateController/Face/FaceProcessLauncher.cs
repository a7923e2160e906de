using System.Diagnostics;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>
/// Starts <c>gate-controller face-worker</c> or <c>face-analysis</c>: the same program, so <c>ps</c> shows which
/// process is the face worker. The child is forked from a thread niced to <see cref="ThreadNiceness.FacePath"/>,
/// so the whole process and every thread it makes run below the card and PIN path from its first instruction.
/// </summary>
internal sealed class FaceProcessLauncher(IOptions<FaceWorkerOptions> options)
{
    public Process Start(string mode)
    {
        var info = StartInfo(mode);
        Process? process = null;
        Exception? failure = null;
        var spawner = new Thread(() =>
        {
            ThreadNiceness.LowerCurrentThread(ThreadNiceness.FacePath);
            try
            {
                process = Process.Start(info);
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                failure = exception;
            }
        }) { IsBackground = true, Name = "face-process-launcher" };
        spawner.Start();
        spawner.Join();
        return process ?? throw new FaceProcessLaunchException($"cannot start {info.FileName} {mode}: {failure?.Message ?? "no process"}", failure);
    }

    private ProcessStartInfo StartInfo(string mode)
    {
        var configured = options.Value.Executable;
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        if (!string.IsNullOrWhiteSpace(configured))
        {
            info.FileName = configured;
        }
        else if (Environment.ProcessPath is { } self && !IsDotnetHost(self))
        {
            info.FileName = self;
        }
        else
        {
            // Run as "dotnet gate-controller.dll" (tests, dotnet run): the worker is started the same way.
            info.FileName = Environment.ProcessPath ?? "dotnet";
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gate-controller.dll"));
        }

        info.ArgumentList.Add(mode);

        // No diagnostic socket through which a same-user process could dump frames and embeddings from memory.
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        info.Environment["DOTNET_gcServer"] = "0";
        return info;
    }

    private static bool IsDotnetHost(string path) =>
        string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.Ordinal);
}

internal sealed class FaceProcessLaunchException(string message, Exception? inner) : Exception(message, inner);
