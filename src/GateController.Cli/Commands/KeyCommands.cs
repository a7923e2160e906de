using System.CommandLine;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl key rotate</c>.</summary>
internal static class KeyCommands
{
    public static Command Create(CliSession session)
    {
        var key = new Command("key", "Manage the store's master key");
        var rotate = new Command("rotate", "Re-wrap every data key under a new master key (an automatic backup is taken first)");
        rotate.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var result = await client.PostJsonAsync("v1/key/rotate", new System.Text.Json.Nodes.JsonObject(), cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"master key rotated: {result["dataKeysRewrapped"]} data key(s) and {result["metaRecordsRewrapped"]} meta record(s) re-wrapped " +
                $"(audit row {result["auditSequence"]}); backup before rotation: {result["backupBeforeRotation"]}");
            Console.WriteLine($"new key: {result["newKeyFile"]}");
            if (result["operatorAction"]?.GetValue<string>() is { Length: > 0 } action)
            {
                Console.WriteLine($"ACTION REQUIRED: {action}");
            }

            return ExitCodes.Success;
        }));
        key.Subcommands.Add(rotate);
        return key;
    }
}
