namespace GateController.Face;

/// <summary>Linux signal numbers as a technician reads them in the journal.</summary>
internal static class SignalNames
{
    public static string Of(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        31 => "SIGSYS",
        _ => $"signal {signal}",
    };
}
