namespace GateController.Core.Events;

/// <summary>Somewhere decisions are recorded: the in-memory journal, the store, journald.</summary>
public interface IAccessEventSink
{
    /// <summary>Must not block: it runs on the decision engine's thread.</summary>
    void Publish(AccessEvent accessEvent);
}
