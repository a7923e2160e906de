namespace GateController.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The daemon refused the request (bad input, no face, conflict).</summary>
    public const int Refused = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;

    /// <summary>The daemon's socket could not be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>The person or item named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>A local input (an image file, a model file) is missing or unreadable.</summary>
    public const int LocalInput = 5;

    /// <summary>EX_CONFIG, as the daemon: <c>config check</c> found a problem in the configuration.</summary>
    public const int Configuration = 78;
}
