namespace GateController.Storage.Database;

/// <summary>
/// The row of <c>PRAGMA wal_checkpoint(TRUNCATE)</c>. <see cref="Complete"/> means every WAL frame
/// reached the database file and the WAL was truncated to zero bytes, so no old page image remains.
/// </summary>
public readonly record struct CheckpointResult(bool Busy, long WalFrames, long CheckpointedFrames)
{
    public bool Complete => !Busy && CheckpointedFrames == WalFrames;
}
