using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

internal static class FaceCommands
{
    public static Command Create(CliSession session)
    {
        var face = new Command("face", "Enrol and withdraw residents' faces (only with their separate consent)");
        face.Subcommands.Add(Enroll(session));
        face.Subcommands.Add(FaceWithdrawCommand.Create(session));
        return face;
    }

    private static Command Enroll(CliSession session)
    {
        var id = new Option<string>("--id") { Description = "The resident's id", Required = true };
        var consent = new Option<string>("--consent")
        {
            Description = "The consent record: how the resident gave separate consent to face recognition (e.g. \"paper form 2026-118\")",
            Required = true,
        };
        var consentedBy = new Option<string?>("--consented-by") { Description = "Who consented, if not the resident (e.g. a guardian)" };
        var operatorName = new Option<string?>("--operator") { Description = "Who took the consent (default: the login user)" };
        var images = new Argument<FileInfo[]>("IMAGE") { Description = "Photos with exactly one face each", Arity = ArgumentArity.OneOrMore };
        var command = new Command("enroll", "Enrol a resident's face from one or more photos") { id, consent, consentedBy, operatorName, images };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var personId = parseResult.GetValue(id)!;
            var consentRecord = new JsonObject
            {
                ["statement"] = parseResult.GetValue(consent),
                ["consentedBy"] = parseResult.GetValue(consentedBy) ?? personId,
                ["operator"] = parseResult.GetValue(operatorName) ?? Environment.GetEnvironmentVariable("SUDO_USER") ?? Environment.UserName,
            };
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(consentRecord.ToJsonString()), "consent");
            foreach (var image in parseResult.GetValue(images)!)
            {
                form.Add(ImageFile.ReadContent(image), "images", image.Name);
            }

            var result = await client.PostAsync($"v1/persons/{Uri.EscapeDataString(personId)}/faces", form, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"enrolled {result["templates"]?.GetValue<int>() ?? 0} face template(s) for {personId}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
