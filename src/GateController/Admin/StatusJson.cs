using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Core.Health;

namespace GateController.Admin;

internal static class StatusJson
{
    public static JsonObject From(IEnumerable<SubsystemStatus> statuses, bool simulate, TimeSpan uptime)
    {
        var all = statuses.ToList();
        var root = new JsonObject
        {
            ["healthy"] = all.All(s => s.State is HealthState.Healthy or HealthState.Disabled),
            ["simulate"] = simulate,
            ["uptimeSeconds"] = Math.Round(uptime.TotalSeconds, 1),
        };
        foreach (var status in all)
        {
            var section = new JsonObject
            {
                ["state"] = status.State.ToString().ToLowerInvariant(),
                ["detail"] = status.Detail,
            };
            foreach (var (key, value) in status.Facts)
            {
                section[key] = Value(value);
            }

            root[status.Name] = section;
        }

        return root;
    }

    private static JsonNode? Value(object value) => value switch
    {
        bool flag => flag,
        int number => number,
        long number => number,
        double number => number,
        float number => number,
        string text => text,
        TimeSpan span => span.TotalSeconds,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object> nested => new JsonObject(nested.Select(pair => KeyValuePair.Create(pair.Key, Value(pair.Value)))),
        _ => value.ToString(),
    };
}
