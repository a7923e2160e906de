namespace GateController.Core.Credentials;

/// <summary>A duress PIN was used: the door opened as usual, and this goes to the guard, never to the gate.</summary>
public sealed record DuressAlert(string PersonId, string KeypadId, DateTimeOffset Timestamp);
