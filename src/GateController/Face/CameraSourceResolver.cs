using GateController.Hosting;
using GateController.Vision.Camera;
using GateController.Vision.Models;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>The configured camera, or in simulation with none configured, the sample video (fetched like a model).</summary>
internal sealed class CameraSourceResolver(IOptions<CameraOptions> camera, IOptions<DaemonOptions> daemon, ModelFetcher fetcher)
{
    public const string SampleVideo = "people_walking_to_camera.mp4";

    /// <returns>The options with a source, or null with <paramref name="problem"/> set.</returns>
    public async Task<(CameraOptions? Options, string Problem)> ResolveAsync(CancellationToken cancellationToken)
    {
        var options = camera.Value;
        if (string.IsNullOrWhiteSpace(options.Source))
        {
            if (!daemon.Value.Simulate)
            {
                return (null, $"no camera source is configured ({CameraOptions.Section}:{nameof(CameraOptions.Source)}, e.g. /dev/video0)");
            }

            var sample = await fetcher.FetchAsync(ModelCatalog.LoadEmbedded().GetMedia(SampleVideo), cancellationToken).ConfigureAwait(false);
            options = Copy(options, sample);
        }

        var validation = new CameraOptionsValidator().Validate(null, options);
        return validation.Failed ? (null, $"camera configuration: {validation.FailureMessage}") : (options, "");
    }

    private static CameraOptions Copy(CameraOptions options, string source) => new()
    {
        Source = source,
        FrameRateLimit = options.FrameRateLimit,
        InitialBackoff = options.InitialBackoff,
        MaxBackoff = options.MaxBackoff,
    };
}
