using System.ComponentModel.DataAnnotations;

namespace GateController.Readers;

/// <summary>
/// The problems found in <c>Readers[]</c> and <c>Keypads[]</c>, and the claims that must be unique across
/// them: ids (they name readers in events) and GPIO lines (each line has one use).
/// </summary>
internal sealed class AccessPointProblems(IEnumerable<string> initial)
{
    private static readonly string[] KeyPrefixes = ["readers[]:", "keypads[]:"];

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _pins = [];

    public List<string> Failures { get; } = [.. initial];

    public void Add(string failure) => Failures.Add(failure);

    public void ClaimId(string configPath, string id)
    {
        if (!string.IsNullOrWhiteSpace(id) && !_ids.TryAdd(id, configPath))
        {
            Failures.Add($"{configPath}:Id is '{id}', already the id of {_ids[id]}; ids name readers in events and must be unique.");
        }
    }

    /// <param name="key">The full key of the line, e.g. <c>Keypads:1:RowPins:0</c>.</param>
    /// <param name="pin">The GPIO line number.</param>
    public void ClaimPin(string key, int pin)
    {
        if (!_pins.TryAdd(pin, key))
        {
            Failures.Add($"{key} is GPIO {pin}, already used by {_pins[pin]}; each line has one use.");
        }
    }

    /// <summary>
    /// The data annotations of a driver's options (the rules its source-generated validator checks), each
    /// failure under its real key: a <c>readers[]:</c> or <c>keypads[]:</c> prefix in the driver's message is
    /// replaced by <paramref name="configPath"/>, otherwise the member's name is put after it.
    /// </summary>
    public void CheckAnnotations(object options, string configPath)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var message = result.ErrorMessage ?? "is invalid";
            var prefix = KeyPrefixes.FirstOrDefault(p => message.StartsWith(p, StringComparison.Ordinal));
            Failures.Add(prefix is not null
                ? $"{configPath}:{message[prefix.Length..]}"
                : $"{configPath}:{string.Join(',', result.MemberNames)}: {message}");
        }
    }
}
