using GateController.Storage.Store;

namespace GateController.Store;

/// <summary>
/// Opens the store while the host starts, so a missing or wrong master key stops start-up with one
/// clear message instead of failing the first request.
/// </summary>
internal sealed class StoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<GateStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
