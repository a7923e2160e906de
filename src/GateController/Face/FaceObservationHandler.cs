using GateController.Core.Access;
using GateController.FaceChannel;
using GateController.Vision.Matching;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>
/// The daemon's half of the face path: a well-formed observation from a live worker is matched against the
/// template index (which never leaves this process), throttled to one decision per approach and submitted.
/// The throttle lives here, not in the worker, so a restarted worker cannot decide the same face again early.
/// </summary>
internal sealed class FaceObservationHandler(
    TemplateIndex index,
    AccessDecisionEngine engine,
    IOptionsMonitor<FaceDecisionOptions> decision,
    IOptions<FacePathOptions> options,
    TimeProvider time)
{
    public const string ReaderId = "camera";

    private readonly FaceAttemptThrottle _throttle = new(time, options.Value.RepeatInterval);
    private long _observations;
    private long _submitted;

    public long Observations => Interlocked.Read(ref _observations);

    public long Submitted => Interlocked.Read(ref _submitted);

    /// <summary>Called on the channel's reader thread only. Allocates nothing unless it submits.</summary>
    public Task<AccessDecision>? Handle(FaceObservation observation)
    {
        Interlocked.Increment(ref _observations);
        var match = index.Count > 0 ? index.FindBest(observation.Embedding) : TemplateMatch.None;
        if (!_throttle.ShouldSubmit(match.PersonId, match.Similarity, decision.CurrentValue.MatchThreshold))
        {
            return null;
        }

        Interlocked.Increment(ref _submitted);
        var credential = new FaceMatchCredential(match.PersonId, match.Similarity, match.SecondPersonId, match.SecondSimilarity);
        // Decided here, like a card: this is the daemon's channel thread at normal priority (the niced half of the face
        // path is the worker process), and a hand-over to the engine's thread would add a wake-up to every face hop.
        return Task.FromResult(engine.DecideNow(new AccessAttempt(ReaderId, credential, observation.CapturedTimestamp)));
    }
}
