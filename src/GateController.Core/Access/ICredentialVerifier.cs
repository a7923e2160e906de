namespace GateController.Core.Access;

/// <summary>
/// Checks one kind of credential. Verifiers run on the decision engine's thread and must be fast and
/// non-blocking: they read in-memory indexes, never the camera or a model.
/// </summary>
public interface ICredentialVerifier
{
    AccessMethod Method { get; }

    AccessVerdict Verify(AccessAttempt attempt);
}
