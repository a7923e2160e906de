namespace GateController.Core.Events;

/// <summary>Where numbering continues after a restart: the newest stored event's sequence (0 for none).</summary>
public interface IEventSequenceStart
{
    long LastSequence();
}
