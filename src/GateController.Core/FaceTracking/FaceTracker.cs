using Microsoft.Extensions.Logging;

namespace GateController.Core.FaceTracking;

/// <summary>
/// Follows faces across frames by the overlap of their boxes (one track per face) and turns each track into at
/// most one decision: a grant once k of its last n frames of evidence match the same person clearly and live; at
/// its end, an unknown (a stranger: below threshold all its life) or a spoof (its matches failed liveness). Not
/// thread-safe: the daemon calls it from one thread at a time. Allocates nothing for a frame that decides nothing.
/// </summary>
public sealed class FaceTracker
{
    /// <summary>At a gate one to a few faces are in view; a face beyond these ends the one seen longest ago.</summary>
    public const int MaximumTracks = 8;

    /// <summary>
    /// IoU that continues a track: 0.3, SORT's association threshold. At 25 fps a face walking up grows by a few
    /// per cent a frame (IoU above 0.8 on the walking clip); two people side by side do not overlap.
    /// </summary>
    public const float MinimumOverlap = 0.3f;

    private readonly FaceTrack[] _tracks = [.. Enumerable.Range(0, MaximumTracks).Select(_ => new FaceTrack())];
    private readonly FaceTrackingOptions _options;
    private readonly FaceRetriggerGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _nextTrackId;
    private long _lastFrameSequence = -1;

    public FaceTracker(FaceTrackingOptions options, FaceRetriggerGuard guard, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _guard = guard;
        _time = time;
        _logger = logger;
    }

    public FaceTrackCounts Counts { get; } = new();

    public int ActiveTracks => _tracks.Count(static t => t.IsActive);

    /// <summary>One frame's face: moves or starts its track and adds any decision it leads to.</summary>
    public void Observe(in FaceFrameEvidence evidence, float matchThreshold, List<FaceTrackDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var now = _time.GetTimestamp();
        if (evidence.FrameSequence < _lastFrameSequence)
        {
            // A restarted worker numbers its frames from 0 again: its faces are new tracks.
            EndUnseen(now, evidence.FrameSequence, decisions, all: true);
        }

        _lastFrameSequence = evidence.FrameSequence;
        EndUnseen(now, evidence.FrameSequence, decisions);
        var track = Follow(evidence.Box, evidence.FrameSequence);
        if (track is null)
        {
            track = FreeSlot(now, decisions);
            track.Start(++_nextTrackId, evidence, now);
            Counts.Started++;
        }
        else
        {
            track.Move(evidence, now);
        }

        var vote = FaceFrameClassifier.Classify(evidence, matchThreshold, _options.Margin);
        track.Record(evidence, vote, _options.WindowFrames);
        if (vote == FaceFrameVote.Match && !track.IsDecided)
        {
            TryGrant(track, evidence, decisions);
        }
    }

    /// <summary>Ends the tracks unseen for the timeout; called between frames (the worker's heartbeats) so a face that left is decided even when no other comes.</summary>
    public void Expire(List<FaceTrackDecision> decisions)
    {
        EndUnseen(_time.GetTimestamp(), _lastFrameSequence, decisions);
        _guard.ObserveDoor();
    }

    /// <summary>Ends every track unseen for the timeout, in time or in frames; all of them when <paramref name="all"/>.</summary>
    private void EndUnseen(long now, long frameSequence, List<FaceTrackDecision> decisions, bool all = false)
    {
        foreach (var track in _tracks)
        {
            if (track.IsActive && (all
                || _time.GetElapsedTime(track.LastSeenTimestamp, now) > _options.TrackTimeout
                || frameSequence - track.LastFrameSequence > _options.TrackTimeoutFrames))
            {
                End(track, decisions);
            }
        }
    }

    /// <summary>The active track this box overlaps most (IoU at least <see cref="MinimumOverlap"/>), not yet given a face of this frame.</summary>
    private FaceTrack? Follow(FaceBox box, long frameSequence)
    {
        FaceTrack? best = null;
        var bestOverlap = MinimumOverlap;
        foreach (var track in _tracks)
        {
            if (!track.IsActive || track.LastFrameSequence == frameSequence)
            {
                continue;
            }

            var overlap = track.Box.IntersectionOverUnion(box);
            if (overlap >= bestOverlap)
            {
                (best, bestOverlap) = (track, overlap);
            }
        }

        return best;
    }

    private FaceTrack FreeSlot(long now, List<FaceTrackDecision> decisions)
    {
        FaceTrack? oldest = null;
        foreach (var track in _tracks)
        {
            if (!track.IsActive)
            {
                return track;
            }

            if (oldest is null || _time.GetElapsedTime(track.LastSeenTimestamp, now) > _time.GetElapsedTime(oldest.LastSeenTimestamp, now))
            {
                oldest = track;
            }
        }

        End(oldest!, decisions);
        return oldest!;
    }

    private void TryGrant(FaceTrack track, in FaceFrameEvidence evidence, List<FaceTrackDecision> decisions)
    {
        var person = evidence.PersonId!;
        var (matching, window, similarity, margin) = track.CountMatches(person);
        if (matching < _options.RequiredMatchingFrames)
        {
            return;
        }

        // Decided either way: a track that was held back by the cooldown does not grant later in its life.
        track.MarkDecided();
        if (!_guard.TryGrant(person))
        {
            Counts.HeldBack++;
            Log.GrantHeldBack(_logger, track.Id, _options.Cooldown.TotalSeconds);
            return;
        }

        Counts.Granted++;
        decisions.Add(new FaceTrackDecision(track.Id, FaceTrackOutcome.Granted, person, similarity, margin, matching, window, float.NaN, evidence.Timestamp));
    }

    private void End(FaceTrack track, List<FaceTrackDecision> decisions)
    {
        track.End();
        if (track.IsDecided)
        {
            Log.TrackEnded(_logger, track.Id, track.EvidenceFrames, "decided");
            return;
        }

        var k = _options.RequiredMatchingFrames;
        if (track.NotLiveFrames >= k)
        {
            Counts.Spoof++;
            decisions.Add(new FaceTrackDecision(track.Id, FaceTrackOutcome.Spoof, track.NotLivePerson, track.BestSimilarity, float.NaN, track.NotLiveFrames, track.EvidenceFrames, track.NotLiveScoreMean, track.LastCapturedTimestamp));
            Log.TrackEnded(_logger, track.Id, track.EvidenceFrames, "spoof");
        }
        else if (track.AboveThresholdFrames == 0 && track.EvidenceFrames >= k)
        {
            // At least k frames, as a resident needs: a face glimpsed once in passing is no stranger at the gate.
            Counts.Unknown++;
            decisions.Add(new FaceTrackDecision(track.Id, FaceTrackOutcome.Unknown, null, track.BestSimilarity, float.NaN, track.EvidenceFrames, track.EvidenceFrames, float.NaN, track.LastCapturedTimestamp));
            Log.TrackEnded(_logger, track.Id, track.EvidenceFrames, "unknown");
        }
        else
        {
            Counts.Undecided++;
            Log.TrackEnded(_logger, track.Id, track.EvidenceFrames, "undecided");
        }
    }
}
