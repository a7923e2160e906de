using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Core.Access;
using GateController.Face;
using GateController.Storage.Faces;
using GateController.Storage.Store;
using GateController.Vision.Matching;
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

    private static async Task<IResult> EnrollAsync(string id, HttpRequest request, GateStore store, FacePath facePath, FaceAnalysisClient analysis, TimeProvider time)
    {
        if (facePath.Models is null)
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

        var uploads = new List<UploadedImage>(form.Files.Count);
        foreach (var file in form.Files)
        {
            uploads.Add(new UploadedImage($"image {file.FileName}", await ReadAllAsync(file, request.HttpContext.RequestAborted).ConfigureAwait(false)));
        }

        var outcome = await analysis.AnalyzeAsync(uploads, request.HttpContext.RequestAborted).ConfigureAwait(false);
        uploads.ForEach(u => Array.Clear(u.Bytes));
        var embeddings = new List<float[]>(outcome.Images.Count);
        try
        {
            if (Refusal(outcome, "face enrolment") is { } refused)
            {
                return refused;
            }

            foreach (var image in outcome.Images)
            {
                var faces = image.Reply!.Faces.Count;
                if (faces != 1 || image.Reply.Embedding is not { } embedding)
                {
                    return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, faces == 0 || image.Reply.Embedding is null
                        ? $"no face found in {image.Name}; enrolment needs exactly one"
                        : $"{faces} faces found in {image.Name}; enrolment needs exactly one");
                }

                embeddings.Add(embedding);
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
        finally
        {
            // The index keeps its own copy; these must not linger in managed memory.
            foreach (var image in outcome.Images)
            {
                if (image.Reply?.Embedding is { } embedding)
                {
                    Array.Clear(embedding);
                }
            }
        }
    }

    private static async Task<IResult> IdentifyAsync(
        HttpRequest request,
        FacePath facePath,
        FaceAnalysisClient analysis,
        AccessDecisionEngine engine,
        IOptionsMonitor<FaceDecisionOptions> decisionOptions,
        TimeProvider time)
    {
        if (facePath.Models is null)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"face identification is unavailable: {facePath.Problem}");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var outcome = await analysis.AnalyzeAsync([new UploadedImage("the uploaded image", body.ToArray())], request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (Refusal(outcome, "face identification") is { } refused)
        {
            return refused;
        }

        var reply = outcome.Images[0].Reply!;
        var faces = new List<AnalyzedFace>(reply.Faces.Count);
        for (var i = 0; i < reply.Faces.Count; i++)
        {
            var match = i == reply.SelectedFace && reply.Embedding is { } embedding
                ? facePath.Index.Count > 0 ? facePath.Index.FindBest(embedding) : TemplateMatch.None
                : (TemplateMatch?)null;
            faces.Add(new AnalyzedFace(reply.Faces[i], match));
        }

        if (reply.Embedding is { } used)
        {
            Array.Clear(used);
        }

        var result = new FaceAnalysis(faces, []);
        var decision = "denied";
        if (result.ToCredential() is { } credential)
        {
            var decided = await engine.SubmitAsync(new AccessAttempt(IdentifyReaderId, credential, time.GetTimestamp())).ConfigureAwait(false);
            decision = decided.Granted ? "granted" : "denied";
        }

        return ApiResults.Json(IdentifyJson.From(result, decision, decisionOptions.CurrentValue.MatchThreshold));
    }

    /// <summary>The answer for an analysis that did not give every image's faces, or null when it did.</summary>
    internal static IResult? Refusal(FaceAnalysisOutcome outcome, string what)
    {
        if (outcome.IsUnavailable)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"{what} is unavailable: {outcome.Problem}");
        }

        if (!outcome.Complete)
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, outcome.Problem ?? "the face analysis process failed");
        }

        return outcome.Images.FirstOrDefault(i => i.Refusal is not null) is { } refused
            ? ApiResults.Error(StatusCodes.Status422UnprocessableEntity, refused.Refusal!)
            : null;
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
