using System.Text.Json.Nodes;
using GateController.Core.Access;
using GateController.Core.Events;

namespace GateController.Admin;

/// <summary>The wire form of an access event: one flat object, names as in <c>gatectl events --json</c>.</summary>
internal static class AccessEventJson
{
    public static JsonObject From(AccessEvent accessEvent) => new()
    {
        ["sequence"] = accessEvent.Sequence,
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
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown access method"),
    };

    public static string Name(AccessResult result) => result switch
    {
        AccessResult.Granted => "granted",
        AccessResult.Denied => "denied",
        AccessResult.Rejected => "rejected",
        AccessResult.LockedOut => "lockedOut",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "unknown access result"),
    };
}
