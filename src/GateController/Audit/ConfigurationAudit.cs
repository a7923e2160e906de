using GateController.Storage.Store;

namespace GateController.Audit;

/// <summary>
/// At start, records the effective configuration's digests in the store and audits a change since the
/// previous start (<c>ConfigChanged</c>, naming the sections). Runs after the store opened (registered
/// after <c>AddStore</c>), before the readers and the face path start deciding.
/// </summary>
internal sealed class ConfigurationAudit(GateStore store, IConfiguration configuration, ILogger<ConfigurationAudit> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var fingerprint = ConfigurationFingerprint.Of(configuration);
        var changed = store.RecordConfiguration(fingerprint.SectionDigests, fingerprint.Digest);
        if (changed.Count > 0)
        {
            Log.ConfigurationChanged(logger, string.Join(", ", changed), fingerprint.Digest);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
