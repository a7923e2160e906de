namespace GateController.Hosting;

/// <summary>Exit codes the systemd unit relies on (RestartPreventExitStatus=64 78: a bad config is not retried).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>EX_USAGE.</summary>
    public const int Usage = 64;

    /// <summary>EX_CONFIG.</summary>
    public const int Configuration = 78;
}
