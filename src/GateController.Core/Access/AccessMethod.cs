namespace GateController.Core.Access;

/// <summary>
/// The ways into the compound (card and PIN are equal to face, never fallbacks), and the sources of
/// door events: the request-to-exit button, an operator's command, and the door's own inputs and relay.
/// </summary>
public enum AccessMethod
{
    Face,
    Card,
    Pin,

    /// <summary>The request-to-exit button (a door event).</summary>
    Exit,

    /// <summary>An operator's <c>gatectl door open|lock|hold</c> (a door event).</summary>
    Manual,

    /// <summary>The door itself: contact, fire and tamper inputs, relay faults (a door event).</summary>
    Door,
}
