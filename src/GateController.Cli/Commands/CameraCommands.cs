using System.CommandLine;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl camera snapshot --overlay out.png [--from-image photo.jpg]</c>: what the detector sees in the camera's
/// next frame, or in a photo taken from its position (boxes, landmarks, scores, face widths, "too small" and
/// "backlit" notes).
/// </summary>
internal static class CameraCommands
{
    public static Command Create(CliSession session)
    {
        var overlay = new Option<FileInfo>("--overlay") { Description = "Write the annotated image to this PNG file", Required = true };
        var fromImage = new Option<FileInfo?>("--from-image") { Description = "Annotate this photo instead of the camera's next frame" };
        var snapshot = new Command("snapshot", "Draw the detected faces, their sizes and aiming notes on an image, to aim the camera") { overlay, fromImage };
        snapshot.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var photo = parseResult.GetValue(fromImage);
            using HttpContent content = photo is null ? new ByteArrayContent([]) : ImageFile.ReadContent(photo);
            var route = photo is null ? "v1/camera/snapshot/live" : "v1/camera/snapshot/overlay";
            var (png, headers) = await client.PostForBytesAsync(route, content, cancellationToken).ConfigureAwait(false);
            var destination = parseResult.GetValue(overlay)!;
            try
            {
                await File.WriteAllBytesAsync(destination.FullName, png, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {destination.FullName}: {exception.Message}", ExitCodes.LocalInput);
            }

            Console.WriteLine($"faces: {Header(headers, "X-Overlay-Faces")}; overlay written to {destination.FullName}");
            if (Header(headers, "X-Overlay-Notes") is { Length: > 0 } notes)
            {
                Console.WriteLine($"notes: {notes}");
            }

            return ExitCodes.Success;
        }));
        return new Command("camera", "The camera, as the face path sees it") { snapshot };
    }

    private static string Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join("; ", values) : "";
}
