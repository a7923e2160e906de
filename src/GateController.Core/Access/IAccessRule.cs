namespace GateController.Core.Access;

/// <summary>
/// A site rule applied after a verifier has spoken (card+PIN hours, for one). Runs on the decision
/// thread, one attempt at a time, so it needs no lock; it must be as quick as a verifier.
/// </summary>
public interface IAccessRule
{
    AccessVerdict Apply(AccessAttempt attempt, AccessVerdict verdict);
}
