namespace GateController.Cli.Doctor;

/// <summary>One check of <c>gatectl doctor</c>: passed, failed (with how to fix it) or skipped (not configured, not here).</summary>
internal sealed record DoctorFinding(string Check, DoctorOutcome Outcome, string Detail, string? Fix = null)
{
    public static DoctorFinding Pass(string check, string detail) => new(check, DoctorOutcome.Pass, detail);

    public static DoctorFinding Fail(string check, string detail, string fix) => new(check, DoctorOutcome.Fail, detail, fix);

    public static DoctorFinding Skip(string check, string detail) => new(check, DoctorOutcome.Skip, detail);
}

internal enum DoctorOutcome
{
    Pass,
    Fail,
    Skip,
}
