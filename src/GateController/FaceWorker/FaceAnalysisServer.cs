using GateController.FaceChannel;
using GateController.Vision.Imaging;
using GateController.Vision.Pipeline;

namespace GateController.FaceWorker;

/// <summary>
/// The analysis process's loop: decode each uploaded image (here, never in the daemon), find every face and
/// embed the deciding one. A refused image gets a Failure frame naming it; the process serves the next.
/// </summary>
internal static class FaceAnalysisServer
{
    public static int Serve(FaceAnalyzer analyzer, FaceProcessSettings settings, FaceChannelReader reader, FaceChannelWriter writer)
    {
        while (reader.Read() is { } type)
        {
            if (type is not (FaceMessageType.AnalysisRequest or FaceMessageType.OverlayRequest))
            {
                throw new FaceChannelViolationException($"the analysis process expected an image, not a {type} frame");
            }

            var request = AnalysisRequest.Parse(reader.Payload, type);
            try
            {
                // The limit is checked against the header, so a small file declaring a huge image is never decoded.
                using var image = FaceImage.Decode(request.Image, request.Name, FaceImageLimits.For(settings));
                if (type == FaceMessageType.OverlayRequest)
                {
                    OverlaySender.Send(analyzer, image, request.Name, writer);
                    continue;
                }

                var (analysis, embedding) = analyzer.AnalyzeAndEmbed(image);
                var faces = analysis.Faces.Select(f => f.Detection).ToList();
                new AnalysisReply(image.Width, image.Height, faces, faces.Count > 0 && embedding is not null ? 0 : -1, embedding).Send(writer);
                if (embedding is not null)
                {
                    Array.Clear(embedding);
                }
            }
            catch (ImageDecodeException exception) // including ImageTooLargeException
            {
                new WorkerFailure(WorkerFailureKind.Image, exception.Message).Send(writer);
            }
        }

        return FaceProcessExitCodes.Stopped;
    }
}
