using System.Diagnostics;
using System.Security.Cryptography;

namespace GateController.Cli.Commands;

/// <summary>
/// The master key out of its systemd credential (<c>systemd-creds decrypt</c>, TPM2 or host key, as root), in a 0700
/// directory under /run (RAM) for as long as the reset needs it; zeroed and removed on dispose.
/// </summary>
internal sealed class SealedKeyFile : IDisposable
{
    private readonly string _directory;

    private SealedKeyFile(string directory, string path)
    {
        _directory = directory;
        Path = path;
    }

    public string Path { get; }

    public static SealedKeyFile Decrypt(string credential)
    {
        var directory = CreatePrivateDirectory();
        var path = System.IO.Path.Combine(directory, "master-key");
        var info = new ProcessStartInfo("systemd-creds") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "decrypt", "--name=master-key", credential, path })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(path))
            {
                throw new CliException($"systemd-creds could not decrypt {credential} (run gatectl reset as root on the gate itself): {error.Trim()}", ExitCodes.Refused);
            }
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Directory.Delete(directory, recursive: true);
            throw new CliException($"{credential} is a systemd credential, but systemd-creds cannot be run ({exception.Message}); give the key with --key-file", ExitCodes.Refused);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new SealedKeyFile(directory, path);
    }

    /// <summary>In /run (RAM, never on the SD card) when it may be written, as root; else the temporary directory.</summary>
    private static string CreatePrivateDirectory()
    {
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var name = $"gatectl-reset-{Guid.NewGuid():N}";
        try
        {
            return Directory.CreateDirectory(System.IO.Path.Combine("/run", name), OwnerOnly).FullName;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), name), OwnerOnly).FullName;
        }
    }

    public void Dispose()
    {
        if (File.Exists(Path))
        {
            FactoryReset.Overwrite(Path);
        }

        Directory.Delete(_directory, recursive: true);
    }
}
