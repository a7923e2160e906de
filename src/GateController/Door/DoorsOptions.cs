namespace GateController.Door;

/// <summary>
/// Every door of the device. Door 1 keeps the keys it always had (<c>Door</c>, <c>Relay</c>) and gains its
/// inputs under <c>Door</c> (<c>Door:Contact</c>, <c>Door:Exit</c>, <c>Door:Fire</c>, <c>Door:Tamper</c>); a
/// second door or barrier is the <c>Door2</c> section with the same keys and its relay in <c>Door2:Relay</c>.
/// Bound by hand (<see cref="DoorConfiguration"/>) so that every problem names its key.
/// </summary>
internal sealed class DoorsOptions
{
    public const int MaximumDoors = 2;

    public List<ConfiguredDoor> Doors { get; } = [];

    /// <summary>Values that could not be read at all (a pin that is not a number); reported with the rest.</summary>
    public List<string> BindingProblems { get; } = [];

    /// <summary>Every GPIO line the doors use, with its key, so the readers' check can refuse a line used twice.</summary>
    public IEnumerable<(string Key, int Pin)> ClaimedPins() => Doors.SelectMany(d =>
        d.Inputs.Select(i => ($"{d.Section}:{ConfiguredDoor.InputKey(i.Key)}:Pin", i.Value.Pin)).Prepend(($"{d.RelaySection}:Pin", d.Relay.Pin)));

    /// <summary>Reader, keypad or camera id → door, from each door's <c>Readers</c> list.</summary>
    public Dictionary<string, int> ReaderDoors() =>
        Doors.SelectMany(d => d.Timing.Readers.Select(r => (Reader: r, Door: d.Number)))
            .GroupBy(p => p.Reader, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Door, StringComparer.Ordinal);
}
