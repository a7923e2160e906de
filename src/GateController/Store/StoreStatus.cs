using GateController.Core.Health;
using GateController.Storage.Store;

namespace GateController.Store;

internal sealed class StoreStatus(GateStore store, StoredAccessEvents events) : ISubsystemStatusSource
{
    public SubsystemStatus GetStatus()
    {
        var health = store.Health();
        return SubsystemStatus.Of(
            "store",
            HealthState.Healthy,
            health.DatabasePath,
            ("persons", health.Persons),
            ("personsWithFace", health.PersonsWithFace),
            ("faceTemplates", health.FaceTemplates),
            ("accessEvents", health.AccessEvents),
            ("eventsDropped", events.Dropped),
            ("auditRows", health.AuditRows),
            ("databaseBytes", health.DatabaseBytes));
    }
}
