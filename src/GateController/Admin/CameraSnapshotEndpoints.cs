using GateController.Face;

namespace GateController.Admin;

/// <summary>
/// <c>gatectl camera snapshot --overlay</c>: the image with the detector's faces drawn on, for aiming the camera.
/// The analysis process decodes and draws; the daemon only relays the PNG to the caller, never decodes or keeps it.
/// </summary>
internal static class CameraSnapshotEndpoints
{
    /// <summary>Response headers with what the overlay shows, so gatectl can print it too.</summary>
    public const string FacesHeader = "X-Overlay-Faces";

    public const string NotesHeader = "X-Overlay-Notes";

    public static void MapCameraSnapshotEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/v1/camera/snapshot/overlay", OverlayAsync);

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

        var headers = request.HttpContext.Response.Headers;
        headers[FacesHeader] = overlay.FaceCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[NotesHeader] = string.Join("; ", overlay.Notes);
        return Results.Bytes(overlay.Png, "image/png");
    }
}
