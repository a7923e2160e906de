namespace GateController.Core.Credentials;

/// <summary>Where silent duress alerts go (guard station, store). Called on the decision thread: must not block.</summary>
public interface IDuressAlarm
{
    void Raise(DuressAlert alert);
}
