namespace GateController.Storage.Faces;

/// <summary>
/// The separate consent PIPL (art. 29) requires before biometric data is processed: who consented,
/// when, how (e.g. "paper form 2026-118", "on-screen"), and which operator took it. Sealed under the
/// person's face key and erased with their templates.
/// </summary>
public sealed record ConsentRecord(string ConsentedBy, DateTimeOffset ConsentedAt, string Method, string Operator)
{
    public const int MaxFieldLength = 200;

    /// <summary>Allowed clock difference between the operator's terminal and the device.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Why this record is not valid consent at <paramref name="now"/>, or null when it is.</summary>
    public string? Problem(DateTimeOffset now)
    {
        foreach (var (field, value) in new[] { (nameof(ConsentedBy), ConsentedBy), (nameof(Method), Method), (nameof(Operator), Operator) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxFieldLength)
            {
                return $"Consent field {field} is '{value}'; expected 1 to {MaxFieldLength} characters.";
            }
        }

        if (ConsentedAt == default || ConsentedAt > now + AllowedClockSkew)
        {
            return $"Consent time {ConsentedAt:O} is not valid; expected a time no later than now ({now:O}).";
        }

        return null;
    }

    /// <summary>Personal text stays out of logs.</summary>
    public override string ToString() => $"ConsentRecord(at {ConsentedAt:O}, redacted)";
}
