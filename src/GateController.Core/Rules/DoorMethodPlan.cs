namespace GateController.Core.Rules;

/// <summary>
/// <c>Access:Doors</c> parsed once: for each door its windows in order, each with the methods it allows.
/// The first window that contains the time decides; outside them a door takes <see cref="DoorMethods.Any"/>.
/// </summary>
public sealed class DoorMethodPlan
{
    private readonly Dictionary<int, List<(ScheduleWindow Window, DoorMethods Methods)>> _doors;

    private DoorMethodPlan(Dictionary<int, List<(ScheduleWindow, DoorMethods)>> doors) => _doors = doors;

    /// <summary>Every window of every door, with the configuration key it came from, for the start-up guard.</summary>
    public IEnumerable<(string Key, ScheduleWindow Window, DoorMethods Methods)> Windows { get; private init; } = [];

    public DoorMethods MethodsAt(int door, DateTime localTime)
    {
        if (_doors.TryGetValue(door, out var windows))
        {
            foreach (var (window, methods) in windows)
            {
                if (window.Contains(localTime))
                {
                    return methods;
                }
            }
        }

        return DoorMethods.Any;
    }

    /// <summary>Builds the plan; <paramref name="problems"/> names each bad key (the options validator reports them).</summary>
    public static DoorMethodPlan Build(AccessRulesOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var doors = new Dictionary<int, List<(ScheduleWindow, DoorMethods)>>();
        var all = new List<(string, ScheduleWindow, DoorMethods)>();
        for (var d = 0; d < options.Doors.Count; d++)
        {
            var door = options.Doors[d];
            var doorKey = $"{AccessRulesOptions.Section}:Doors:{d}";
            if (door.Door is < 1 or > AccessGroup.MaximumDoor)
            {
                problems.Add($"{doorKey}:Door is {door.Door}; expected a door number from 1 to {AccessGroup.MaximumDoor}.");
                continue;
            }

            if (doors.ContainsKey(door.Door))
            {
                problems.Add($"{doorKey}:Door is {door.Door}, already listed; give each door one entry with all its windows.");
                continue;
            }

            var windows = doors[door.Door] = [];
            for (var w = 0; w < door.Windows.Count; w++)
            {
                var key = $"{doorKey}:Windows:{w}";
                var entry = door.Windows[w];
                if (!ScheduleWindowText.TryParse(entry.When, out var window, out var problem))
                {
                    problems.Add($"{key}:When: {problem}.");
                    continue;
                }

                var methods = entry.Methods.Aggregate(DoorMethods.None, (all, m) => all | m);
                if (entry.Methods.Any(m => m is not (DoorMethods.Face or DoorMethods.Card or DoorMethods.Pin or DoorMethods.CardAndPin)))
                {
                    problems.Add($"{key}:Methods lists {string.Join(", ", entry.Methods)}; expected Face, Card, Pin or CardAndPin.");
                }

                windows.Add((window, methods));
                all.Add((key, window, methods));
            }
        }

        return new DoorMethodPlan(doors) { Windows = all };
    }
}
