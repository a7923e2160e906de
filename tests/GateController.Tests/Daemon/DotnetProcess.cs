using System.Diagnostics;

namespace GateController.Tests.Daemon;

/// <summary>Runs one of the built programs (gate-controller.dll, gatectl.dll) beside the tests, as a user would.</summary>
internal static class DotnetProcess
{
    public static ProcessStartInfo StartInfo(string assemblyName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    public static async Task<ProcessResult> RunAsync(string assemblyName, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(assemblyName, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{assemblyName} {string.Join(' ', arguments)} did not finish in time");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
