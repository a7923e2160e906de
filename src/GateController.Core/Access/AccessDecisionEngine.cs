using System.Collections.Concurrent;
using GateController.Core.Door;
using GateController.Core.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

/// <summary>
/// The one owner of the door relay. Every reader, keypad and the face path submits attempts here;
/// they are decided one at a time, in arrival order, on a dedicated thread, so no producer waits for
/// another and a slow face frame never sits in front of a card. Producers hand over a decided
/// credential (a match, a card number), never a frame, so each decision takes microseconds.
/// </summary>
public sealed class AccessDecisionEngine : IDisposable
{
    private readonly Dictionary<AccessMethod, ICredentialVerifier> _verifiers;
    private readonly IDoorRelay _relay;
    private readonly IAccessEventSink[] _sinks;
    private readonly IAccessRule[] _rules;
    private readonly IOptionsMonitor<DoorOptions> _doorOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<AccessDecisionEngine> _logger;
    private readonly BlockingCollection<PendingAttempt> _queue = new(new ConcurrentQueue<PendingAttempt>());
    private readonly Thread _thread;

    // Decisions are one at a time, whichever thread makes them; each takes microseconds.
    private readonly Lock _decideGate = new();
    private long _sequence;

    public AccessDecisionEngine(
        IEnumerable<ICredentialVerifier> verifiers,
        IDoorRelay relay,
        IEnumerable<IAccessEventSink> sinks,
        IOptionsMonitor<DoorOptions> doorOptions,
        TimeProvider time,
        ILogger<AccessDecisionEngine> logger,
        IEnumerable<IAccessRule>? rules = null)
    {
        _verifiers = verifiers.ToDictionary(v => v.Method);
        _relay = relay;
        _sinks = [.. sinks];
        _rules = [.. rules ?? []];
        _doorOptions = doorOptions;
        _time = time;
        _logger = logger;
        // BlockingCollection wakes this thread directly; a Channel would route the wake-up through the
        // thread pool, which the face pipeline may be keeping busy.
        _thread = new Thread(Run) { IsBackground = true, Name = "access-decisions", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>
    /// Numbers the next decision after <paramref name="lastSequence"/> (the newest stored one), so sequence numbers
    /// keep rising across restarts. Called once at start-up; a lower value than the current one is ignored.
    /// </summary>
    public void ContinueSequenceAfter(long lastSequence)
    {
        var current = Interlocked.Read(ref _sequence);
        while (lastSequence > current)
        {
            var seen = Interlocked.CompareExchange(ref _sequence, lastSequence, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Queues an attempt; the task completes once the relay has been driven and the event published.</summary>
    public Task<AccessDecision> SubmitAsync(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var pending = new PendingAttempt(attempt, new TaskCompletionSource<AccessDecision>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.TryAdd(pending))
        {
            pending.Completion.SetException(new ObjectDisposedException(nameof(AccessDecisionEngine)));
        }

        return pending.Completion.Task;
    }

    /// <summary>
    /// Decides on the calling thread, for card readers and keypads: their threads run at normal
    /// priority, and handing over to the engine's thread costs a wake-up that, on a box kept busy by
    /// the niced face path, can take milliseconds. It waits at most for one decision already under way
    /// (microseconds), never for a queued face attempt. The niced face path must use
    /// <see cref="SubmitAsync"/>, so it never holds the decision lock while preempted.
    /// </summary>
    public AccessDecision DecideNow(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Decide(attempt);
    }

    private void Run()
    {
        foreach (var pending in _queue.GetConsumingEnumerable())
        {
            pending.Completion.SetResult(Decide(pending.Attempt));
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
        var verdict = Verify(attempt);
        foreach (var rule in _rules)
        {
            verdict = rule.Apply(attempt, verdict);
        }

        if (verdict.Result == AccessResult.Granted)
        {
            _relay.Pulse(_doorOptions.CurrentValue.HoldOpenDuration);
        }

        var latency = _time.GetElapsedTime(attempt.PresentedTimestamp);
        var accessEvent = new AccessEvent(
            Interlocked.Increment(ref _sequence),
            _time.GetUtcNow(),
            attempt.Method,
            attempt.ReaderId,
            verdict.PersonId,
            verdict.Result,
            verdict.Reason,
            latency);
        foreach (var sink in _sinks)
        {
            sink.Publish(accessEvent);
        }

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

    private sealed record PendingAttempt(AccessAttempt Attempt, TaskCompletionSource<AccessDecision> Completion);
}
