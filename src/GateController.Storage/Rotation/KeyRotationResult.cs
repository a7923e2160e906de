namespace GateController.Storage.Rotation;

/// <summary>
/// A committed rotation. <see cref="OperatorAction"/> is non-empty when the new key is not yet where the
/// daemon will load it next time (systemd credential): the operator must seal and install it.
/// </summary>
public sealed record KeyRotationResult(int DataKeysRewrapped, int MetaRecordsRewrapped, long AuditSequence, string NewKeyFile, string OperatorAction);
