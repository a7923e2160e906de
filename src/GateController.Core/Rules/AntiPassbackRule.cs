using GateController.Core.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GateController.Core.Rules;

/// <summary>
/// Anti-passback over paired entry/exit readers: after a granted entry the person must leave through the
/// pair's exit before entering again, or wait out <see cref="AntiPassbackOptions.ResetAfter"/>. Hard denies
/// the second entry; soft grants it and logs. An exit is never refused (nobody is kept in). The state is in
/// memory: a restart resets it like the timer does. Decision-thread only; runs after every other rule, so
/// only a real grant counts as a passage.
/// </summary>
public sealed class AntiPassbackRule(
    IOptionsMonitor<AccessRulesOptions> options,
    IReadOnlyDictionary<string, string> keypadReaders,
    TimeProvider time,
    ILogger<AntiPassbackRule> logger) : IAccessRule
{
    private const int PruneAbove = 4096;
    private readonly Dictionary<(int Pair, string PersonId), long> _inside = [];

    public AccessVerdict Apply(AccessAttempt attempt, AccessVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var current = options.CurrentValue.AntiPassback;
        if (current.Mode == AntiPassbackMode.Off || verdict.Result != AccessResult.Granted || verdict.PersonId is not { } personId)
        {
            return verdict;
        }

        var reader = keypadReaders.GetValueOrDefault(attempt.ReaderId, attempt.ReaderId);
        for (var pair = 0; pair < current.Pairs.Count; pair++)
        {
            if (current.Pairs[pair].Exit == reader)
            {
                _inside.Remove((pair, personId));
                return verdict;
            }

            if (current.Pairs[pair].Entry == reader)
            {
                return Enter(pair, personId, reader, verdict, current);
            }
        }

        return verdict;
    }

    private AccessVerdict Enter(int pair, string personId, string reader, AccessVerdict verdict, AntiPassbackOptions current)
    {
        var now = time.GetTimestamp();
        if (_inside.TryGetValue((pair, personId), out var since) && time.GetElapsedTime(since, now) < current.ResetAfter)
        {
            Log.AntiPassbackViolation(logger, personId, reader, current.Mode);
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
