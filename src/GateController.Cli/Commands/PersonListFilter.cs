using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary>
/// The filters of <c>gatectl person list</c>, over the daemon's listing: a way in a person has (or lacks), an access
/// group, not seen since a day, validity ending by a day. All given filters must hold.
/// </summary>
internal sealed record PersonListFilter(string? Method, string? Without, string? Group, DateOnly? NotSeenSince, DateOnly? ExpiresBy)
{
    public static readonly string[] Methods = ["face", "card", "pin"];

    public bool Matches(JsonNode person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var methods = person["methods"]!.AsArray().Select(m => m!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return (Method is null || (Method == "none" ? methods.Count == 0 : methods.Contains(Method)))
            && (Without is null || !methods.Contains(Without))
            && (Group is null || person["groups"]!.AsArray().Any(g => string.Equals(g!.GetValue<string>(), Group, StringComparison.Ordinal)))
            && (NotSeenSince is not { } since || Day(person["lastAccessDay"]) is not { } last || last < since)
            && (ExpiresBy is not { } by || (Day(person["validUntil"]) is { } until && until <= by));
    }

    private static DateOnly? Day(JsonNode? node) =>
        node?.GetValue<string>() is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
}
