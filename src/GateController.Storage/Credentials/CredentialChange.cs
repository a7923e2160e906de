namespace GateController.Storage.Credentials;

/// <summary>A committed card or PIN change. <see cref="Detail"/> names the format or PIN kind, never the card or PIN.</summary>
public sealed record CredentialChange(string PersonId, string Detail, int RowsChanged, long AuditSequence);
