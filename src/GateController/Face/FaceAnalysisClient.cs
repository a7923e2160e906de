using System.Diagnostics;
using GateController.FaceChannel;
using GateController.FaceWorker;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>
/// Analyses uploaded images (enrolment, identify) in a short-lived <c>gate-controller face-analysis</c> process,
/// so an image is only ever decoded in a sandboxed, capped process: a decompression bomb or a decoder crash ends
/// that process and this one request, never the daemon and never the camera worker. One process per request:
/// the model load it costs is measured in the README ("Face worker").
/// </summary>
internal sealed class FaceAnalysisClient(IFaceAnalysisModels facePath, FaceProcessLauncher launcher, IOptions<FaceWorkerOptions> options, ILogger<FaceAnalysisClient> logger)
{
    public Task<FaceAnalysisOutcome> AnalyzeAsync(IReadOnlyList<UploadedImage> images, CancellationToken cancellationToken) =>
        RunAsync(images, FaceMessageType.AnalysisRequest, cancellationToken);

    /// <summary>The image with the detector's faces drawn on (<see cref="ImageAnalysis.Overlay"/>), for aiming the camera.</summary>
    public Task<FaceAnalysisOutcome> DrawOverlayAsync(UploadedImage image, CancellationToken cancellationToken) =>
        RunAsync([image], FaceMessageType.OverlayRequest, cancellationToken);

    private async Task<FaceAnalysisOutcome> RunAsync(IReadOnlyList<UploadedImage> images, FaceMessageType request, CancellationToken cancellationToken)
    {
        if (facePath.Models is not { } models)
        {
            return FaceAnalysisOutcome.Unavailable(facePath.Problem);
        }

        Process process;
        try
        {
            process = launcher.Start(FaceProcessCommand.Analysis);
        }
        catch (FaceProcessLaunchException exception)
        {
            return FaceAnalysisOutcome.Unavailable(exception.Message);
        }

        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.Value.AnalysisTimeout);
            var overMemory = false;
            var timedOut = false;
            var finished = 0;
            var watch = Task.Run(() => FaceProcessMemoryCap.Watch(process, options.Value.MemoryLimitMegabytes, () => overMemory = true, deadline.Token), CancellationToken.None);
            var talk = Task.Run(() => Converse(process, models.SettingsFor(null, options.Value), images, request), CancellationToken.None);
            FaceAnalysisOutcome outcome;
            using (deadline.Token.Register(() =>
            {
                if (Volatile.Read(ref finished) == 0)
                {
                    timedOut = true;
                    FaceProcessMemoryCap.KillQuietly(process);
                }
            }))
            {
                outcome = await talk.ConfigureAwait(false);
                Volatile.Write(ref finished, 1);
                await deadline.CancelAsync().ConfigureAwait(false);
            }

            await watch.ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (outcome.Complete || outcome.IsUnavailable)
            {
                return outcome;
            }

            var why = overMemory ? $"it used more than {options.Value.MemoryLimitMegabytes} MB (Face:Worker:MemoryLimitMegabytes)"
                : timedOut ? $"it did not answer within {options.Value.AnalysisTimeout.TotalSeconds:0} s (Face:Worker:AnalysisTimeout)"
                : process.ExitCode > 128 ? $"it was killed by {SignalNames.Of(process.ExitCode - 128)}"
                : $"it exited with status {process.ExitCode}";
            var message = outcome.Problem ?? (outcome.FailedOn is { } name ? $"the face analysis process failed on {name}: {why}" : $"the face analysis process failed: {why}");
            Log.AnalysisFailed(logger, message);
            return outcome with { Problem = message };
        }
    }

    private FaceAnalysisOutcome Converse(Process process, FaceProcessSettings settings, IReadOnlyList<UploadedImage> images, FaceMessageType request)
    {
        var writer = new FaceChannelWriter(process.StandardInput.BaseStream);
        var reader = new FaceChannelReader(process.StandardOutput.BaseStream, FaceChannelFrame.MaximumResultPayloadBytes);
        var results = new List<ImageAnalysis>(images.Count);
        var current = (string?)null;
        try
        {
            settings.Send(writer);
            switch (reader.Read())
            {
                case FaceMessageType.Hello:
                    CheckHello(WorkerHello.Parse(reader.Payload));
                    break;
                case FaceMessageType.Failure:
                    return FaceAnalysisOutcome.Unavailable(WorkerFailure.Parse(reader.Payload).Message);
                default:
                    return FaceAnalysisOutcome.Incomplete(results, null, null);
            }

            foreach (var image in images)
            {
                current = image.Name;
                new AnalysisRequest(image.Name, image.Bytes).Send(writer, request);
                switch (reader.Read())
                {
                    case FaceMessageType.OverlayReply when request == FaceMessageType.OverlayRequest:
                        results.Add(new ImageAnalysis(image.Name, null, null) { Overlay = OverlayReply.Parse(reader.Payload) });
                        break;
                    case FaceMessageType.AnalysisReply when request == FaceMessageType.AnalysisRequest:
                        results.Add(new ImageAnalysis(image.Name, AnalysisReply.Parse(reader.Payload, facePath.EmbeddingDimension), null));
                        break;
                    case FaceMessageType.Failure when WorkerFailure.Parse(reader.Payload) is { Kind: WorkerFailureKind.Image } refusal:
                        results.Add(new ImageAnalysis(image.Name, null, refusal.Message));
                        break;
                    default:
                        return FaceAnalysisOutcome.Incomplete(results, current, null);
                }
            }

            process.StandardInput.Close();
            return new FaceAnalysisOutcome(results, true, null, null);
        }
        catch (FaceChannelViolationException exception)
        {
            FaceProcessMemoryCap.KillQuietly(process);
            return FaceAnalysisOutcome.Incomplete(results, current, $"the face analysis process sent a malformed reply: {exception.Message}");
        }
        catch (IOException)
        {
            return FaceAnalysisOutcome.Incomplete(results, current, null);
        }
    }

    private void CheckHello(WorkerHello hello)
    {
        if (hello.EmbeddingDimension != facePath.EmbeddingDimension || !string.Equals(hello.EmbedderSha256, facePath.EmbedderModelId, StringComparison.OrdinalIgnoreCase))
        {
            throw new FaceChannelViolationException("the analysis process opened another embedder than the one the templates belong to");
        }
    }
}

/// <summary>One uploaded image; <paramref name="Name"/> names it in messages (e.g. "image 01.jpg").</summary>
internal sealed record UploadedImage(string Name, byte[] Bytes);

/// <summary>One image's result: the reply (or the overlay, when one was asked for), or why the image was refused.</summary>
internal sealed record ImageAnalysis(string Name, AnalysisReply? Reply, string? Refusal)
{
    public OverlayReply? Overlay { get; init; }
}

/// <summary>
/// The results of one request. <see cref="Complete"/> is false when the process ended early (crash, timeout,
/// memory cap); <see cref="Problem"/> then says so, naming the image it was on.
/// </summary>
internal sealed record FaceAnalysisOutcome(IReadOnlyList<ImageAnalysis> Images, bool Complete, string? FailedOn, string? Problem)
{
    /// <summary>The face path itself is unavailable (models, native library): the admin API answers 503.</summary>
    public bool IsUnavailable { get; private init; }

    public static FaceAnalysisOutcome Unavailable(string problem) => new([], false, null, problem) { IsUnavailable = true };

    public static FaceAnalysisOutcome Incomplete(IReadOnlyList<ImageAnalysis> images, string? failedOn, string? problem) => new(images, false, failedOn, problem);
}
