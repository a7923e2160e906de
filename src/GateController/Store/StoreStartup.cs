using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Core.Rules;
using GateController.Storage.Store;

namespace GateController.Store;

/// <summary>
/// Opens the store while the host starts, so a missing or wrong master key stops start-up with one
/// clear message instead of failing the first request. Then continues the decision numbering after the
/// newest stored decision and puts the stored recent decisions back into the event journal, so
/// <c>gatectl events</c>, the sequence numbers and anti-passback carry on across restarts. Registered before the
/// readers and the face path, so no decision of this run comes first.
/// </summary>
internal sealed class StoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<GateStore>();
        services.GetRequiredService<AccessEventPublisher>().ContinueSequenceAfter(store.LastAccessEventSequence());
        services.GetRequiredService<AccessEventJournal>().RestoreHistory(store.RecentAccessEvents(AccessEventJournal.DefaultCapacity));
        foreach (var antiPassback in services.GetServices<IAccessRule>().OfType<AntiPassbackRule>())
        {
            antiPassback.Remember(store.RecentAccessEvents(AntiPassbackRule.RememberedDecisions));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
