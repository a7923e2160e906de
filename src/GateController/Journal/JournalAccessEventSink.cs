using GateController.Core.Events;

namespace GateController.Journal;

/// <summary>Publishes each decision to journald; <see cref="JournalWriter.Enqueue"/> never blocks the decision thread.</summary>
internal sealed class JournalAccessEventSink(JournalWriter writer) : IAccessEventSink
{
    public void Publish(AccessEvent accessEvent) => writer.Enqueue(JournalEntry.Decision(accessEvent));
}
