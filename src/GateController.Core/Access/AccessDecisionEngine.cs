using System.Collections.Concurrent;
using GateController.Core.Door;
using GateController.Core.Events;
using Microsoft.Extensions.Logging;

namespace GateController.Core.Access;

/// <summary>
/// Decides every attempt and asks the door (<see cref="IDoorOpener"/>) to open on a grant. Every reader, keypad and the face path submits attempts here;
/// they are decided one at a time, in arrival order, on a dedicated thread, so no producer waits for
/// another and a slow face frame never sits in front of a card. Producers hand over a decided
/// credential (a match, a card number), never a frame, so each decision takes microseconds.
/// </summary>
public sealed class AccessDecisionEngine : IDisposable
{
    private readonly Dictionary<AccessMethod, ICredentialVerifier> _verifiers;
    private readonly IDoorOpener _doors;
    private readonly AccessEventPublisher _events;
    private readonly IAccessRule[] _rules;
    private readonly TimeProvider _time;
    private readonly ILogger<AccessDecisionEngine> _logger;
    private readonly BlockingCollection<PendingWork> _queue = new(new ConcurrentQueue<PendingWork>());
    private readonly Thread _thread;

    // Decisions are one at a time, whichever thread makes them; each takes microseconds.
    private readonly Lock _decideGate = new();

    public AccessDecisionEngine(
        IEnumerable<ICredentialVerifier> verifiers,
        IDoorOpener doors,
        AccessEventPublisher events,
        TimeProvider time,
        ILogger<AccessDecisionEngine> logger,
        IEnumerable<IAccessRule>? rules = null)
    {
        _verifiers = verifiers.ToDictionary(v => v.Method);
        _doors = doors;
        _events = events;
        _rules = [.. rules ?? []];
        _time = time;
        _logger = logger;
        // BlockingCollection wakes this thread directly; a Channel would route the wake-up through the
        // thread pool, which the face pipeline may be keeping busy.
        _thread = new Thread(Run) { IsBackground = true, Name = "access-decisions", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Queues an attempt; the task completes once the relay has been driven and the event published.</summary>
    public Task<AccessDecision> SubmitAsync(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var completion = new TaskCompletionSource<AccessDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.TryAdd(new PendingWork(attempt, completion, null, null)))
        {
            completion.SetException(new ObjectDisposedException(nameof(AccessDecisionEngine)));
        }

        return completion.Task;
    }

    /// <summary>
    /// Completes once the engine's thread has taken the decision lock, behind every attempt queued before it: the
    /// watchdog's proof that the thread is alive and no decision is stuck. Never completes on a hung engine.
    /// </summary>
    public Task ProbeAsync()
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.TryAdd(new PendingWork(null, null, answered, null)))
        {
            answered.SetException(new ObjectDisposedException(nameof(AccessDecisionEngine)));
        }

        return answered.Task;
    }

    /// <summary>
    /// Holds the engine's thread and its lock until the handle is disposed, as a hung verifier or store would: the
    /// simulation's watchdog drill (<c>gatectl sim engine stall</c>). Cards and PINs wait while it lasts.
    /// </summary>
    public IDisposable Stall()
    {
        var release = new ManualResetEventSlim();
        if (!_queue.TryAdd(new PendingWork(null, null, null, release)))
        {
            throw new ObjectDisposedException(nameof(AccessDecisionEngine));
        }

        return new StallRelease(release);
    }

    /// <summary>
    /// Decides on the calling thread, for card readers and keypads: their threads run at normal
    /// priority, and handing over to the engine's thread costs a wake-up that, on a box kept busy by
    /// the niced face path, can take milliseconds. It waits at most for one decision already under way
    /// (microseconds), never for a queued face attempt. The face worker's results are decided here too, on the
    /// daemon's channel thread (normal priority); only a niced thread must use <see cref="SubmitAsync"/>, so it never
    /// holds the decision lock while preempted.
    /// </summary>
    public AccessDecision DecideNow(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Decide(attempt);
    }

    private void Run()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            if (work.Attempt is { } attempt)
            {
                work.Decision!.SetResult(Decide(attempt));
                continue;
            }

            lock (_decideGate)
            {
                work.Probe?.SetResult();
                work.Stall?.Wait();
                work.Stall?.Dispose();
            }
        }
    }

    internal AccessDecision Decide(AccessAttempt attempt)
    {
        lock (_decideGate)
        {
            return DecideLocked(attempt);
        }
    }

    private AccessDecision DecideLocked(AccessAttempt attempt)
    {
        attempt = _doors.AssignDoor(attempt);
        var verdict = Verify(attempt);
        foreach (var rule in _rules)
        {
            verdict = rule.Apply(attempt, verdict);
        }

        // The door controller owns the relay; the engine only asks it to open. A fault there raises its own alarm.
        if (verdict.Result == AccessResult.Granted && _doors.Open(attempt) == DoorOpenOutcome.NoSuchDoor)
        {
            verdict = AccessVerdict.Reject($"door {attempt.Door} is not configured");
        }

        var latency = _time.GetElapsedTime(attempt.PresentedTimestamp);
        var accessEvent = _events.Publish(new AccessEvent(
            0,
            _time.GetUtcNow(),
            attempt.Method,
            attempt.ReaderId,
            verdict.PersonId,
            verdict.Result,
            verdict.Reason,
            latency,
            attempt.Door));

        Log.Decided(_logger, accessEvent.Method, accessEvent.Reader, accessEvent.Result, accessEvent.Reason, latency.TotalMilliseconds);
        return new AccessDecision(attempt, verdict, accessEvent);
    }

    private AccessVerdict Verify(AccessAttempt attempt)
    {
        if (!_verifiers.TryGetValue(attempt.Method, out var verifier))
        {
            return AccessVerdict.Reject($"{attempt.Method} is not enabled");
        }

        try
        {
            return verifier.Verify(attempt);
        }
#pragma warning disable CA1031 // A faulty verifier must never take the engine, and with it card and PIN, down; it denies instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.VerifierFailed(_logger, attempt.Method, exception);
            return AccessVerdict.Reject("verifier failed");
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
        _queue.Dispose();
    }

    /// <summary>An attempt to decide, a probe to answer, or a stall to hold until released.</summary>
    private sealed record PendingWork(
        AccessAttempt? Attempt,
        TaskCompletionSource<AccessDecision>? Decision,
        TaskCompletionSource? Probe,
        ManualResetEventSlim? Stall);

    private sealed class StallRelease(ManualResetEventSlim release) : IDisposable
    {
        private int _released;

        // Once only: the engine's thread disposes the event as soon as it is set.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release.Set();
            }
        }
    }
}
