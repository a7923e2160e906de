using GateController.Core.Events;
using GateController.Storage.Store;

namespace GateController.Store;

/// <summary>The event numbering continues after the newest stored event, even for a door alarm raised before the store start-up step.</summary>
internal sealed class StoredEventSequence(GateStore store) : IEventSequenceStart
{
    public long LastSequence() => store.LastAccessEventSequence();
}
