using System.CommandLine;
using System.Net.Http.Headers;
using GateController.Core.Receipts;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl receipt verify FILE [--public-key FILE]</c> and <c>gatectl receipt public-key</c>.</summary>
internal static class ReceiptCommands
{
    public static Command Create(CliSession session)
    {
        var receipt = new Command("receipt", "Check deletion receipts and export the device's receipt-signing key");
        receipt.Subcommands.Add(Verify(session));
        receipt.Subcommands.Add(PublicKey(session));
        return receipt;
    }

    private static Command Verify(CliSession session)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A receipt written by --receipt or found in <data-dir>/receipts/" };
        var publicKey = new Option<FileInfo?>("--public-key")
        {
            Description = "Check offline against this device public key (PEM or DER, from 'gatectl receipt public-key') instead of asking the daemon",
        };
        var command = new Command("verify", "Verify a deletion receipt's signature and that this gate's device key made it") { file, publicKey };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var receiptFile = parseResult.GetValue(file)!;
            var keyFile = parseResult.GetValue(publicKey);
            if (!receiptFile.Exists || (keyFile is not null && !keyFile.Exists))
            {
                await Console.Error.WriteLineAsync($"gatectl: {(receiptFile.Exists ? keyFile!.FullName : receiptFile.FullName)} does not exist").ConfigureAwait(false);
                return ExitCodes.LocalInput;
            }

            var json = await File.ReadAllTextAsync(receiptFile.FullName, cancellationToken).ConfigureAwait(false);
            var trusted = keyFile is null ? [] : ReceiptVerifier.ReadPublicKey(await File.ReadAllBytesAsync(keyFile.FullName, cancellationToken).ConfigureAwait(false));
            var local = ReceiptVerifier.Verify(json, trusted);
            if (!local.IsValid || keyFile is not null)
            {
                await (local.IsValid ? Console.Out : Console.Error).WriteLineAsync(local.Message).ConfigureAwait(false);
                return local.IsValid ? ExitCodes.Success : ExitCodes.Refused;
            }

            return await session.RunAsync(parseResult, async client =>
            {
                using var content = new StringContent(json);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var answer = await client.PostAsync("v1/receipts/verify", content, cancellationToken).ConfigureAwait(false);
                var byDevice = answer["signedByThisDevice"]?.GetValue<bool>() == true;
                var message = answer["message"]?.GetValue<string>() ?? local.Message;
                Console.WriteLine(byDevice ? $"{message} — confirmed by the device at {client.SocketPath}" : message);
                return byDevice ? ExitCodes.Success : ExitCodes.Refused;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static Command PublicKey(CliSession session)
    {
        var output = new Option<FileInfo?>("--output") { Description = "Write the PEM public key to this file (default: stdout)" };
        var command = new Command("public-key", "Export the device's receipt-signing public key (PEM) for offline verification") { output };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var answer = await client.GetAsync("v1/device/public-key", cancellationToken).ConfigureAwait(false);
            var pem = answer["publicKeyPem"]!.GetValue<string>();
            if (parseResult.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, pem + "\n", cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"device key {answer["fingerprint"]} (store {answer["storeId"]}) written to {file.FullName}");
            }
            else
            {
                Console.WriteLine(pem);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
