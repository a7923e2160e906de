using GateController.Core.Events;

namespace GateController.Core.Access;

public sealed record AccessDecision(AccessAttempt Attempt, AccessVerdict Verdict, AccessEvent Event)
{
    public bool Granted => Verdict.Result == AccessResult.Granted;
}
