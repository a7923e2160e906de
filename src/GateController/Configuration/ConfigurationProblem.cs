namespace GateController.Configuration;

/// <summary>
/// One problem the schema check found. <see cref="BreaksBinding"/>: a value the binder cannot convert, which would
/// throw from the options it belongs to, so the options validators are not run until it is fixed.
/// </summary>
internal sealed record ConfigurationProblem(string Key, string Message, bool BreaksBinding);
