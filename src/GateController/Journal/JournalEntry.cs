using GateController.Core.Events;

namespace GateController.Journal;

/// <summary>
/// One structured journal entry before encoding. <see cref="PersonId"/> is the resident id in the clear
/// and never leaves the process: <see cref="JournalWriter"/> replaces it with <c>GATE_PERSON</c>, a
/// pseudonym. <see cref="Message"/> therefore never names the person.
/// </summary>
internal sealed record JournalEntry(string Event, int Priority, string Message, IReadOnlyList<(string Name, string Value)> Fields, string? PersonId)
{
    // syslog(3) priorities, as journald's PRIORITY field expects.
    public const int Critical = 2;
    public const int Warning = 4;
    public const int Notice = 5;
    public const int Informational = 6;

    public static JournalEntry Decision(AccessEvent accessEvent) => new(
        accessEvent.IsDoorEvent ? "door" : "decision",
        accessEvent.Result switch
        {
            Core.Access.AccessResult.Granted => Informational,
            Core.Access.AccessResult.Alarm => Critical,
            // A photo or a screen held up to the camera is an attack on a resident, worth more than a refusal.
            Core.Access.AccessResult.Spoof => Warning,
            _ => Notice,
        },
        $"{accessEvent.Method} at {accessEvent.Reader}: {accessEvent.Result} ({accessEvent.Reason})",
        [
            ("GATE_METHOD", accessEvent.Method.ToString()),
            ("GATE_RESULT", accessEvent.Result.ToString()),
            ("GATE_REASON", accessEvent.Reason),
            ("GATE_READER", accessEvent.Reader),
            ("GATE_DOOR", accessEvent.Door.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
        accessEvent.Person);

    /// <summary>Enrolment and erasure are admin commands too; the route names which one it was.</summary>
    public static JournalEntry AdminCommand(string method, string route, int status, string? personId) => new(
        EventOf(method, route),
        status < 400 ? Notice : Warning,
        $"admin {method} {route} -> {status}",
        [("GATE_ROUTE", route), ("GATE_RESULT", status.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        personId);

    public static JournalEntry Duress(string personId, string keypad) => new(
        "duress", Critical, $"duress PIN at {keypad}", [("GATE_READER", keypad)], personId);

    private static string EventOf(string method, string route) => (method, route) switch
    {
        ("POST", "/v1/persons/{id}/faces") => "enrolment",
        ("DELETE", "/v1/persons/{id}" or "/v1/persons/{id}/faces") => "erasure",
        _ => "admin",
    };
}
