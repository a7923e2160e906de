using System.Buffers;

namespace GateController.Storage.Persons;

/// <summary>
/// A resident's external id ("A-1203"): 1–64 characters of <c>[A-Za-z0-9._-]</c>. Pseudonymous, so it
/// is stored in plain text for lookup and may appear in logs and the audit chain; names never do.
/// </summary>
public static class PersonId
{
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && !id.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>Why <paramref name="id"/> is not a person id, in one sentence for the operator.</summary>
    public static string Problem(string? id) =>
        $"Person id '{id}' is not valid: expected 1 to {MaxLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.";
}
