using System.CommandLine;

namespace GateController.Cli.Commands;

internal static class IdentifyCommand
{
    public static Command Create(CliSession session)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object" };
        var image = new Argument<FileInfo>("IMAGE") { Description = "A photo to identify; the largest face decides" };
        var command = new Command("identify", "Identify the faces in a photo and run the door decision on the largest (the relay pulses on a grant)") { json, image };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var file = parseResult.GetValue(image)!;
            using var content = ImageFile.ReadContent(file);
            var result = await client.PostAsync("v1/identify", content, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliJson.Text(result));
            }
            else
            {
                Console.WriteLine($"decision: {result["decision"]}");
                foreach (var face in result["faces"]?.AsArray() ?? [])
                {
                    var match = face?["match"];
                    Console.WriteLine($"  face {CliJson.Text(face?["box"])} score {face?["detScore"]}: " +
                        (match is null ? "no match" : $"{match["id"]} (similarity {match["similarity"]})"));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
