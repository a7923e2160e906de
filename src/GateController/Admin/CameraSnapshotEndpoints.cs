using GateController.Face;
using GateController.FaceChannel;

namespace GateController.Admin;

/// <summary>
/// <c>gatectl camera snapshot --overlay</c>: the camera's next frame (or an uploaded photo) with the detector's faces
/// drawn on, for aiming the camera. The camera worker (or an analysis process) decodes and draws; the daemon only relays
/// the PNG to the caller, never decodes or keeps it.
/// </summary>
internal static class CameraSnapshotEndpoints
{
    /// <summary>Response headers with what the overlay shows, so gatectl can print it too.</summary>
    public const string FacesHeader = "X-Overlay-Faces";

    public const string NotesHeader = "X-Overlay-Notes";

    /// <summary>Long enough for a frame at the slowest camera rate plus one detection on a Pi, short enough for SSH.</summary>
    private static readonly TimeSpan LiveFrameTimeout = TimeSpan.FromSeconds(10);

    public static void MapCameraSnapshotEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/camera/snapshot/overlay", OverlayAsync);
        api.MapPost("/v1/camera/snapshot/live", LiveAsync);
    }

    private static async Task<IResult> LiveAsync(HttpContext context, FaceWorkerSupervisor worker)
    {
        try
        {
            var overlay = await worker.TakeSnapshotAsync(LiveFrameTimeout, context.RequestAborted).ConfigureAwait(false);
            return overlay.Png.Length == 0
                ? ApiResults.Error(StatusCodes.Status422UnprocessableEntity, $"no live frame: {string.Join("; ", overlay.Notes)}")
                : Png(context, overlay);
        }
        catch (FaceWorkerUnavailableException exception)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"no live frame: {exception.Message}");
        }
    }

    private static async Task<IResult> OverlayAsync(HttpRequest request, FacePath facePath, FaceAnalysisClient analysis)
    {
        if (facePath.Models is null)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"the snapshot overlay is unavailable: {facePath.Problem}");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var outcome = await analysis.DrawOverlayAsync(new UploadedImage("the uploaded image", body.ToArray()), request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (FaceEndpoints.Refusal(outcome, "the snapshot overlay") is { } refused)
        {
            return refused;
        }

        if (outcome.Images[0].Overlay is not { } overlay)
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, "the face analysis process sent no overlay");
        }

        return Png(request.HttpContext, overlay);
    }

    private static IResult Png(HttpContext context, OverlayReply overlay)
    {
        var headers = context.Response.Headers;
        headers[FacesHeader] = overlay.FaceCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[NotesHeader] = string.Join("; ", overlay.Notes);
        return Results.Bytes(overlay.Png, "image/png");
    }
}
