namespace GateController.Core.Events;

/// <summary>
/// The one way out for every event, decisions and door events alike: it numbers each event and hands it
/// to every sink (the in-memory journal, the store, journald, and later an MQTT publisher), in numbering
/// order. Sinks must not block; publishing takes microseconds. The numbering continues after the newest
/// stored event, read once from <paramref name="sequenceStart"/> before the first event, whichever comes
/// first: a door alarm at start-up or the first decision.
/// </summary>
public sealed class AccessEventPublisher(IEnumerable<IAccessEventSink> sinks, IEventSequenceStart? sequenceStart = null)
{
    private readonly IAccessEventSink[] _sinks = [.. sinks];
    private readonly Lock _gate = new();
    private IEventSequenceStart? _sequenceStart = sequenceStart;
    private long _sequence;

    /// <summary>
    /// Numbers the next event after <paramref name="lastSequence"/> (the newest stored one), so sequence numbers
    /// keep rising across restarts. Called once at start-up; a lower value than the current one is ignored.
    /// </summary>
    public void ContinueSequenceAfter(long lastSequence)
    {
        lock (_gate)
        {
            _sequence = Math.Max(_sequence, lastSequence);
        }
    }

    /// <summary>Numbers <paramref name="draft"/> (its own sequence is ignored), publishes it and returns the numbered event.</summary>
    public AccessEvent Publish(AccessEvent draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            if (_sequenceStart is { } start)
            {
                _sequence = Math.Max(_sequence, start.LastSequence());
                _sequenceStart = null;
            }

            var accessEvent = draft with { Sequence = ++_sequence };
            foreach (var sink in _sinks)
            {
                sink.Publish(accessEvent);
            }

            return accessEvent;
        }
    }
}
