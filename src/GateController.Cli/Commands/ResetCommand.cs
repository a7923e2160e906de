using System.CommandLine;
using GateController.Core.Admin;
using GateController.Storage.Keys;
using GateController.Storage.Store;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl reset --yes [--keep-config] [--receipt-only]</c>: the factory reset over SSH (as root, daemon stopped).
/// <c>--receipt-only</c> is the package's prerm: it signs the receipt while the program is still there, and the
/// postrm of a purge erases once the program is gone.
/// </summary>
internal static class ResetCommand
{
    public static Command Create(Option<string?> socketOption)
    {
        var yes = new Option<bool>("--yes") { Description = "Really erase: the key, every resident's data and the store go, and cannot be brought back" };
        var keepConfig = new Option<bool>("--keep-config") { Description = "Keep /etc/gate-controller/config.json (else the factory configuration is put back)" };
        var receiptOnly = new Option<bool>("--receipt-only") { Description = "Sign and write the receipt only; erase nothing (the package's prerm)" };
        var dataDirectory = new Option<string>("--data-dir") { Description = "The daemon's data directory", DefaultValueFactory = _ => ResetPaths.DefaultDataDirectory };
        var keyFile = new Option<string?>("--key-file") { Description = "The master key file, where the key is not a systemd credential" };
        var credential = new Option<string>("--credential") { Description = "The sealed master key", DefaultValueFactory = _ => ResetPaths.DefaultCredential };
        var configDirectory = new Option<string>("--config-dir") { DefaultValueFactory = _ => ResetPaths.DefaultConfigDirectory };
        var cacheDirectory = new Option<string>("--cache-dir") { DefaultValueFactory = _ => ResetPaths.DefaultCacheDirectory };
        var receiptDirectory = new Option<string>("--receipt-dir") { Description = "Where the signed receipt goes (kept)", DefaultValueFactory = _ => ResetPaths.DefaultReceiptDirectory };
        var factoryConfig = new Option<string>("--factory-config") { DefaultValueFactory = _ => ResetPaths.DefaultFactoryConfig };
        var command = new Command("reset", "Factory reset: sign a receipt of what is erased, then erase the key, the store and the data (stop the daemon first)")
        {
            yes, keepConfig, receiptOnly, dataDirectory, keyFile, credential, configDirectory, cacheDirectory, receiptDirectory, factoryConfig,
        };
        command.SetAction(parseResult => CliSession.Guard(() =>
        {
            if (!parseResult.GetValue(yes))
            {
                throw new CliException("gatectl reset erases every resident's data, the key and the store for good; add --yes to go ahead", ExitCodes.Usage);
            }

            var socketPath = parseResult.GetValue(socketOption) ?? AdminSocketLocation.Candidates(Environment.GetEnvironmentVariable).FirstOrDefault(File.Exists);
            if (socketPath is not null && AdminSocketProbe.IsServed(socketPath))
            {
                throw new CliException($"gate-controller is running (it serves {socketPath}); stop it first: systemctl stop gate-controller", ExitCodes.Refused);
            }

            var paths = new ResetPaths(
                parseResult.GetValue(dataDirectory)!, parseResult.GetValue(keyFile), parseResult.GetValue(credential)!,
                parseResult.GetValue(configDirectory)!, parseResult.GetValue(cacheDirectory)!, parseResult.GetValue(receiptDirectory)!,
                parseResult.GetValue(factoryConfig)!);
            var reset = new FactoryReset(paths, TimeProvider.System, Console.Out);
            try
            {
                reset.WriteReceipt();
            }
            catch (Exception exception) when (exception is StoreKeyException or StoreIntegrityException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new CliException($"no receipt could be signed, so nothing was erased: {exception.Message}", ExitCodes.Refused);
            }

            if (parseResult.GetValue(receiptOnly))
            {
                return Task.FromResult(ExitCodes.Success);
            }

            reset.Erase(parseResult.GetValue(keepConfig));
            Console.WriteLine("factory reset done. A new key and a fresh start: dpkg-reconfigure gate-controller && systemctl start gate-controller");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
