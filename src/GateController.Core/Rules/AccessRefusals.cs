namespace GateController.Core.Rules;

/// <summary>The reasons a rule gives when it refuses a credential a verifier accepted. Stable: events and scripts read them.</summary>
public static class AccessRefusals
{
    /// <summary>Before the person's valid-from date or after their valid-until date.</summary>
    public const string NotValid = "notValid";

    /// <summary>None of the person's groups for this door has a window open now.</summary>
    public const string OutsideSchedule = "outsideSchedule";

    /// <summary>The person is in no group that covers this door (or in none, where that is required).</summary>
    public const string NoAccessGroup = "noAccessGroup";

    /// <summary>This door does not take this method in the current window (face off at night).</summary>
    public const string MethodNotAllowed = "methodNotAllowed";

    /// <summary>Hard anti-passback: the person already entered through this pair and has not left.</summary>
    public const string AntiPassback = "antiPassback";

    public const string PinRequired = "card accepted, PIN required";

    public const string CardRequiredBeforePin = "card required before pin";
}
