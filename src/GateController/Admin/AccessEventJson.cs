using System.Text.Json.Nodes;
using GateController.Core.Access;
using GateController.Core.Events;

namespace GateController.Admin;

/// <summary>The wire form of an access event (a decision or a door event, told apart by <c>kind</c>): one flat object, names as in <c>gatectl events --json</c>.</summary>
internal static class AccessEventJson
{
    public static JsonObject From(AccessEvent accessEvent) => new()
    {
        ["sequence"] = accessEvent.Sequence,
        ["kind"] = accessEvent.IsDoorEvent ? "door" : "decision",
        ["door"] = accessEvent.Door,
        ["time"] = accessEvent.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["method"] = Name(accessEvent.Method),
        ["reader"] = accessEvent.Reader,
        ["person"] = accessEvent.Person,
        ["result"] = Name(accessEvent.Result),
        ["reason"] = accessEvent.Reason,
        ["latencyMs"] = Math.Round(accessEvent.Latency.TotalMilliseconds, 3),
    };

    public static string Name(AccessMethod method) => method switch
    {
        AccessMethod.Face => "face",
        AccessMethod.Card => "card",
        AccessMethod.Pin => "pin",
        AccessMethod.Exit => "exit",
        AccessMethod.Manual => "manual",
        AccessMethod.Door => "door",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown access method"),
    };

    public static string Name(AccessResult result) => result switch
    {
        AccessResult.Granted => "granted",
        AccessResult.Denied => "denied",
        AccessResult.Rejected => "rejected",
        AccessResult.LockedOut => "lockedOut",
        AccessResult.Alarm => "alarm",
        AccessResult.Cleared => "cleared",
        AccessResult.Unlocked => "unlocked",
        AccessResult.Locked => "locked",
        AccessResult.Unknown => "unknown",
        AccessResult.Spoof => "spoof",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "unknown access result"),
    };
}
