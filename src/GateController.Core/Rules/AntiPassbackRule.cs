using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Core.Pseudonyms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GateController.Core.Rules;

/// <summary>
/// Anti-passback over paired entry/exit readers: after a granted entry the person must leave through the
/// pair's exit before entering again, or wait out <see cref="AntiPassbackOptions.ResetAfter"/>. Hard denies
/// the second entry; soft grants it and logs. An exit is never refused (nobody is kept in). The state is in
/// memory, rebuilt at start from the stored decisions (<see cref="Remember"/>), so a restart is no way round it.
/// Decision-thread only; runs after every other rule, so only a real grant counts as a passage.
/// </summary>
public sealed class AntiPassbackRule(
    IOptionsMonitor<AccessRulesOptions> options,
    IReadOnlyDictionary<string, string> keypadReaders,
    IPersonPseudonyms pseudonyms,
    TimeProvider time,
    ILogger<AntiPassbackRule> logger) : IAccessRule
{
    private const int PruneAbove = 4096;

    /// <summary>How many of the newest stored decisions are replayed at start: as many passages as are kept.</summary>
    public const int RememberedDecisions = PruneAbove;
    private readonly Dictionary<(int Pair, string PersonId), long> _inside = [];

    /// <summary>
    /// Replays stored decisions, oldest first, before the first attempt: each grant at a paired reader younger than
    /// the reset time counts as the passage it was, aged by its wall-clock time.
    /// </summary>
    public void Remember(IEnumerable<AccessEvent> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var current = options.CurrentValue.AntiPassback;
        if (current.Mode == AntiPassbackMode.Off)
        {
            return;
        }

        var now = time.GetTimestamp();
        var wallNow = time.GetUtcNow();
        foreach (var decision in decisions.Where(d => !d.IsDoorEvent && d.Result == AccessResult.Granted && d.Person is not null))
        {
            var age = wallNow - decision.Timestamp;
            if (age < TimeSpan.Zero || age >= current.ResetAfter)
            {
                continue;
            }

            var reader = keypadReaders.GetValueOrDefault(decision.Reader, decision.Reader);
            var pair = IndexOfPair(current, reader, out var isExit);
            if (pair < 0)
            {
                continue;
            }

            if (isExit)
            {
                _inside.Remove((pair, decision.Person!));
            }
            else
            {
                _inside[(pair, decision.Person!)] = now - (long)(age.TotalSeconds * time.TimestampFrequency);
            }
        }
    }

    private static int IndexOfPair(AntiPassbackOptions current, string reader, out bool isExit)
    {
        for (var pair = 0; pair < current.Pairs.Count; pair++)
        {
            isExit = current.Pairs[pair].Exit == reader;
            if (isExit || current.Pairs[pair].Entry == reader)
            {
                return pair;
            }
        }

        isExit = false;
        return -1;
    }

    public AccessVerdict Apply(AccessAttempt attempt, AccessVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var current = options.CurrentValue.AntiPassback;
        if (current.Mode == AntiPassbackMode.Off || verdict.Result != AccessResult.Granted || verdict.PersonId is not { } personId)
        {
            return verdict;
        }

        var reader = keypadReaders.GetValueOrDefault(attempt.ReaderId, attempt.ReaderId);
        var pair = IndexOfPair(current, reader, out var isExit);
        if (pair < 0)
        {
            return verdict;
        }

        if (isExit)
        {
            _inside.Remove((pair, personId));
            return verdict;
        }

        return Enter(pair, personId, reader, verdict, current);
    }

    private AccessVerdict Enter(int pair, string personId, string reader, AccessVerdict verdict, AntiPassbackOptions current)
    {
        var now = time.GetTimestamp();
        if (_inside.TryGetValue((pair, personId), out var since) && time.GetElapsedTime(since, now) < current.ResetAfter)
        {
            Log.AntiPassbackViolation(logger, pseudonyms.Of(personId), reader, current.Mode);
            if (current.Mode == AntiPassbackMode.Hard)
            {
                return AccessVerdict.Deny(personId, AccessRefusals.AntiPassback);
            }

            verdict = verdict with { Reason = $"{verdict.Reason}; antiPassback logged" };
        }

        _inside[(pair, personId)] = now;
        if (_inside.Count > PruneAbove)
        {
            foreach (var key in _inside.Where(e => time.GetElapsedTime(e.Value, now) >= current.ResetAfter).Select(e => e.Key).ToList())
            {
                _inside.Remove(key);
            }
        }

        return verdict;
    }
}
