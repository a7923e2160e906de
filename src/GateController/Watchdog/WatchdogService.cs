using GateController.Core.Health;

namespace GateController.Watchdog;

/// <summary>
/// Feeds systemd's watchdog (<c>WatchdogSec=</c> in the unit): every half timeout it checks <see cref="DaemonLiveness"/>
/// and sends <c>WATCHDOG=1</c> only when everything answered. A hung engine or reader thread therefore ends in a
/// restart by systemd (and the unit's <c>ExecStopPost=</c> relock) instead of a gate that silently stops opening.
/// </summary>
internal sealed class WatchdogService(
    DaemonLiveness liveness,
    WatchdogSettings? settings,
    string offReason,
    TimeProvider time,
    ILogger<WatchdogService> logger) : BackgroundService, ISubsystemStatusSource
{
    private long _pings;
    private long _withheld;
    private volatile string _problems = "";

    public long Pings => Interlocked.Read(ref _pings);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings is null)
        {
            Log.WatchdogOff(logger, offReason);
            return;
        }

        Log.WatchdogOn(logger, settings.Timeout, settings.PingInterval);
        using var socket = new NotifySocket(settings.NotifySocket);
        using var ticks = new PeriodicTimer(settings.PingInterval, time);
        do
        {
            var problems = await liveness.CheckAsync(settings.PingInterval, stoppingToken).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                Withhold(string.Join("; ", problems));
                continue;
            }

            if (_problems.Length > 0)
            {
                Log.PingsResumed(logger, Interlocked.Exchange(ref _withheld, 0));
                _problems = "";
            }

            if (socket.TrySend("WATCHDOG=1", out var problem))
            {
                Interlocked.Increment(ref _pings);
            }
            else
            {
                Log.PingNotSent(logger, settings.NotifySocket, problem);
            }
        }
        while (await NextTickAsync(ticks, stoppingToken).ConfigureAwait(false));
    }

    private void Withhold(string problems)
    {
        Interlocked.Increment(ref _withheld);
        if (problems != _problems)
        {
            Log.PingsWithheld(logger, problems);
            _problems = problems;
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer ticks, CancellationToken stoppingToken)
    {
        try
        {
            return await ticks.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public SubsystemStatus GetStatus()
    {
        if (settings is null)
        {
            return SubsystemStatus.Of("watchdog", HealthState.Disabled, offReason);
        }

        var problems = _problems;
        return SubsystemStatus.Of(
            "watchdog",
            problems.Length == 0 ? HealthState.Healthy : HealthState.Failed,
            problems.Length == 0 ? $"pinging systemd every {settings.PingInterval.TotalSeconds:0.#} s" : $"pings withheld: {problems}",
            ("timeoutSeconds", settings.Timeout.TotalSeconds),
            ("pings", Pings),
            ("withheld", Interlocked.Read(ref _withheld)));
    }
}
