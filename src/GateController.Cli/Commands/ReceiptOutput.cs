using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary>The <c>--receipt FILE</c> option of erasing commands: writes the signed receipt the daemon returned.</summary>
internal static class ReceiptOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Option<FileInfo?> Option() => new("--receipt")
    {
        Description = "Write the signed deletion receipt (JSON) to this file; check it later with: gatectl receipt verify FILE",
    };

    public static async Task WriteAsync(JsonNode result, FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return;
        }

        var receipt = result["receipt"] ?? throw new CliException("the daemon returned no receipt; is it older than gatectl?", ExitCodes.Refused);
        await File.WriteAllTextAsync(file.FullName, receipt.ToJsonString(Indented) + "\n", cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"receipt written to {file.FullName} (audit row {result["auditSequence"]}, state {receipt["receipt"]?["stateHash"]})");
    }
}
