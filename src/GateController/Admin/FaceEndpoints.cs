using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Core.Access;
using GateController.Face;
using GateController.Storage.Faces;
using GateController.Storage.Store;
using GateController.Vision.Imaging;
using GateController.Vision.Pipeline;
using Microsoft.Extensions.Options;

namespace GateController.Admin;

internal static class FaceEndpoints
{
    /// <summary>Largest upload accepted: a few photos of a few MB each.</summary>
    public const long MaximumRequestBytes = 64L * 1024 * 1024;

    public const string IdentifyReaderId = "admin-identify";

    public static void MapFaceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/persons/{id}/faces", EnrollAsync);
        api.MapPost("/v1/identify", IdentifyAsync);
    }

    private static async Task<IResult> EnrollAsync(string id, HttpRequest request, GateStore store, FacePath facePath, TimeProvider time)
    {
        if (facePath.Analyzer is not { } analyzer)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"face enrolment is unavailable: {facePath.Problem}");
        }

        if (!request.HasFormContentType)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "enrolment expects a multipart form with a consent record and images");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (ParseConsent(form["consent"], time.GetUtcNow()) is not { } consent)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest,
                "no consent record: face enrolment needs the resident's separate consent (gatectl face enroll --consent \"how it was given\")");
        }

        if (form.Files.Count == 0)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "no images: enrolment needs at least one photo with exactly one face");
        }

        var embeddings = new List<float[]>(form.Files.Count);
        try
        {
            foreach (var file in form.Files)
            {
                var bytes = await ReadAllAsync(file, request.HttpContext.RequestAborted).ConfigureAwait(false);
                using var image = FaceImage.Decode(bytes, $"image {file.FileName}");
                embeddings.Add(analyzer.EmbedSingleFace(image, $"image {file.FileName}"));
            }

            var result = store.AddFaceTemplates(id, embeddings, facePath.EmbedderModelId, consent);
            if (!result.Succeeded)
            {
                return StoreRefusals.ToResult(result.Refusal!);
            }

            facePath.AddTemplates(id, embeddings);
            if (result.Value.OtherModelTemplatesDeleted > 0)
            {
                facePath.OtherModelTemplatesDeleted();
            }

            return ApiResults.Json(new JsonObject
            {
                ["id"] = id,
                ["templates"] = result.Value.TemplatesStored,
                ["otherModelTemplatesDeleted"] = result.Value.OtherModelTemplatesDeleted,
            });
        }
        catch (Exception exception) when (exception is ImageDecodeException or FaceEnrolmentException)
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, exception.Message);
        }
        finally
        {
            // The index keeps its own copy; these must not linger in managed memory.
            embeddings.ForEach(e => Array.Clear(e));
        }
    }

    private static async Task<IResult> IdentifyAsync(
        HttpRequest request,
        FacePath facePath,
        AccessDecisionEngine engine,
        IOptionsMonitor<FaceDecisionOptions> decisionOptions,
        TimeProvider time)
    {
        if (facePath.Analyzer is not { } analyzer)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"face identification is unavailable: {facePath.Problem}");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        FaceAnalysis analysis;
        try
        {
            using var image = FaceImage.Decode(body.GetBuffer().AsSpan(0, (int)body.Length), "the uploaded image");
            analysis = analyzer.Analyze(image);
        }
        catch (ImageDecodeException exception)
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, exception.Message);
        }

        var decision = "denied";
        if (analysis.ToCredential() is { } credential)
        {
            var outcome = await engine.SubmitAsync(new AccessAttempt(IdentifyReaderId, credential, time.GetTimestamp())).ConfigureAwait(false);
            decision = outcome.Granted ? "granted" : "denied";
        }

        return ApiResults.Json(IdentifyJson.From(analysis, decision, decisionOptions.CurrentValue.MatchThreshold));
    }

    private static ConsentRecord? ParseConsent(string? json, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(json);
            var statement = node?["statement"]?.GetValue<string>();
            var consentedBy = node?["consentedBy"]?.GetValue<string>();
            var operatorName = node?["operator"]?.GetValue<string>();
            return statement is null || consentedBy is null || operatorName is null
                ? null
                : new ConsentRecord(consentedBy, now, statement, operatorName);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
