using System.CommandLine;
using GateController.Core.Admin;
using GateController.Storage.Backup;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl backup FILE</c> asks the running daemon for a sealed snapshot. <c>gatectl restore [FILE]</c>
/// works on the data directory itself with the daemon stopped: a damaged store stops the daemon from
/// starting, so restore cannot depend on it. It needs the master key (run it as the daemon's user).
/// </summary>
internal static class BackupCommands
{
    private const string DefaultDataDirectory = "/var/lib/gate-controller";

    public static Command CreateBackup(CliSession session)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the backup (sealed under the device's master key; restores only on this device)" };
        var command = new Command("backup", "Write a consistent, sealed snapshot of the store") { file };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var target = parseResult.GetValue(file)!;
            var temporary = target.FullName + ".part";
            await using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                await client.DownloadAsync("v1/backup", stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target.FullName, overwrite: true);
            Console.WriteLine($"backup written to {target.FullName} ({new FileInfo(target.FullName).Length} bytes)");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateRestore(Option<string?> socketOption)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "The backup to restore (default: the newest good automatic backup in <data-dir>/backups/)", Arity = ArgumentArity.ZeroOrOne };
        var dataDirectory = new Option<string>("--data-dir") { Description = "The daemon's data directory", DefaultValueFactory = _ => DefaultDataDirectory };
        var keyFile = new Option<string?>("--key-file") { Description = "The master key file (default: <data-dir>/master.key, or $CREDENTIALS_DIRECTORY/master-key)" };
        var command = new Command("restore", "Restore a backup into the data directory (stop the daemon first)") { file, dataDirectory, keyFile };
        command.SetAction(parseResult => CliSession.Guard(() =>
        {
            var socketPath = parseResult.GetValue(socketOption)
                ?? AdminSocketLocation.Candidates(Environment.GetEnvironmentVariable).FirstOrDefault(File.Exists);
            if (socketPath is not null && AdminSocketProbe.IsServed(socketPath))
            {
                throw new CliException($"gate-controller is running (it serves {socketPath}); stop it first (systemctl stop gate-controller), then restore.", ExitCodes.Refused);
            }

            var options = new StoreOptions { DataDirectory = parseResult.GetValue(dataDirectory)!, MasterKeyFile = parseResult.GetValue(keyFile) };
            try
            {
                var result = StoreRestore.Restore(options, MasterKeySources.FromEnvironment(options), parseResult.GetValue(file)?.FullName, TimeProvider.System, NullLogger<GateStore>.Instance);
                foreach (var skipped in result.Skipped)
                {
                    Console.WriteLine($"skipped: {skipped}");
                }

                Console.WriteLine($"restored {result.BackupFile} (taken {result.BackupCreatedAt}, audit row {result.AuditSequence})");
                foreach (var replayed in result.ErasuresReplayed)
                {
                    Console.WriteLine($"erasure re-applied: {replayed}");
                }

                if (result.ReplacedFilesFolder is { } replaced)
                {
                    Console.WriteLine($"the replaced database files are in {replaced}; remove them once examined (they hold sealed personal data)");
                }

                return Task.FromResult(ExitCodes.Success);
            }
            catch (Exception exception) when (exception is InvalidDataException or StoreKeyException or StoreIntegrityException or IOException)
            {
                throw new CliException(exception.Message, ExitCodes.Refused);
            }
        }));
        return command;
    }
}
