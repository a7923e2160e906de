using GateController.Core.Access;
using GateController.Face;
using GateController.Hardware.Wiegand;
using GateController.Readers;
using Microsoft.Extensions.Options;

namespace GateController.Watchdog;

/// <summary>
/// What must be alive for the watchdog to be fed: the decision engine's thread answers a probe through its queue and
/// lock, the readers' input thread fires a timer and their device loops have not faulted, and the face path is either
/// running or being supervised. A face path that is off or cannot start is not a hang (card and PIN carry on, and
/// status says why); a restart would not mend it, only take card and PIN down for a few seconds each time.
/// </summary>
internal sealed class DaemonLiveness(
    AccessDecisionEngine engine,
    InputTimeProvider inputTime,
    ReaderDeviceHost readerDevices,
    FaceWorkerSupervisor faceSupervisor,
    IOptions<FaceWorkerOptions> faceWorker,
    TimeProvider time)
{
    /// <summary>
    /// A running worker's session kills it after <c>HeartbeatTimeout</c> of silence; well past that (twice, plus the
    /// seconds a kill and reap can take on a loaded board), a worker still "running" means the supervision is stuck.
    /// </summary>
    private static readonly TimeSpan KillAndReapAllowance = TimeSpan.FromSeconds(5);

    /// <returns>Each problem found, empty when all answered within <paramref name="timeout"/>.</returns>
    public async Task<IReadOnlyList<string>> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var engineAnswered = engine.ProbeAsync();
        var inputAnswered = inputTime.ProbeAsync();
        try
        {
            await Task.WhenAll(engineAnswered, inputAnswered).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Named one by one below.
        }

        if (!engineAnswered.IsCompletedSuccessfully)
        {
            problems.Add($"the decision engine did not answer within {timeout.TotalSeconds:0.#} s");
        }

        if (!inputAnswered.IsCompletedSuccessfully)
        {
            problems.Add($"the readers' input thread did not answer within {timeout.TotalSeconds:0.#} s");
        }

        if (readerDevices.ExecuteTask is { IsFaulted: true })
        {
            problems.Add("the reader device host stopped with an error");
        }

        if (FaceSupervisionProblem() is { } face)
        {
            problems.Add(face);
        }

        return problems;
    }

    private string? FaceSupervisionProblem()
    {
        if (faceSupervisor.ExecuteTask is { IsFaulted: true })
        {
            return "the face worker's supervision stopped with an error";
        }

        var stuckAfter = (faceWorker.Value.HeartbeatTimeout * 2) + KillAndReapAllowance;
        return faceSupervisor.State == FaceWorkerState.Running
            && faceSupervisor.Session?.LastHeartbeat is { } last
            && last.Age > stuckAfter
                ? $"the face worker has been silent for {last.Age.TotalSeconds:0} s and its supervision has not replaced it"
                : null;
    }
}
