namespace GateController.Storage.Faces;

/// <summary>A stored record that failed authentication and was not returned. Never carries its bytes.</summary>
public sealed record DamagedRecord(string PersonId, long RecordId, string Message);
