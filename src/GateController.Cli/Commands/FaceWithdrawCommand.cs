using System.CommandLine;

namespace GateController.Cli.Commands;

internal static class FaceWithdrawCommand
{
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ID") { Description = "The resident's id" };
        var receipt = ReceiptOutput.Option();
        var command = new Command("withdraw", "Withdraw a resident's face consent: erase their face key, templates and consent records (cards and PIN stay)") { id, receipt };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var personId = parseResult.GetValue(id)!;
            var result = await client.DeleteAsync($"v1/persons/{Uri.EscapeDataString(personId)}/faces", cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"withdrew face of {personId}: {result["summary"]?.GetValue<string>() ?? "done"}");
            await ReceiptOutput.WriteAsync(result, parseResult.GetValue(receipt), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
