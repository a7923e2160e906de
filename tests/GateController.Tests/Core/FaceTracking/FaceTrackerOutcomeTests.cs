using GateController.Core.FaceTracking;

namespace GateController.Tests.Core.FaceTracking;

/// <summary>How a track ends (unknown, spoof, nothing), no re-trigger, and the timeouts.</summary>
public sealed class FaceTrackerOutcomeTests
{
    [Test]
    public void A_track_below_threshold_all_its_life_ends_as_one_unknown_once_unseen_for_the_timeout()
    {
        var rig = new TrackRig();
        for (var i = 0; i < 8; i++)
        {
            rig.Frame("A-1", 0.30f);
        }

        Assert.That(rig.Empty(rig.Options.TrackTimeout - TrackRig.FrameInterval), Is.Empty, "not gone yet");
        var unknown = rig.Leave().Single();

        Assert.That((unknown.Outcome, unknown.PersonId, unknown.WindowFrames), Is.EqualTo((FaceTrackOutcome.Unknown, (string?)null, 8)));
        Assert.That(rig.Tracker.Counts.Unknown, Is.EqualTo(1));
    }

    [Test]
    public void A_face_glimpsed_in_one_frame_is_no_stranger()
    {
        var rig = new TrackRig();

        rig.Frame(null, 0.1f);

        Assert.That(rig.Leave(), Is.Empty);
    }

    [Test]
    public void Frames_that_fail_quality_give_no_evidence_but_keep_the_track()
    {
        var rig = new TrackRig();

        rig.Frame("A-1", 0.6f);
        rig.Frame("A-1", 0.6f, evidence: false);
        rig.Frame("A-1", 0.6f, evidence: false);
        var grant = rig.Frame("A-1", 0.6f).Single();

        Assert.That((grant.MatchingFrames, grant.WindowFrames), Is.EqualTo((2, 2)), "the poor frames took no place in the window");
        Assert.That(rig.Tracker.Counts.Started, Is.EqualTo(1));
    }

    [Test]
    public void A_track_of_poor_frames_only_ends_with_nothing()
    {
        var rig = new TrackRig();
        for (var i = 0; i < 5; i++)
        {
            rig.Frame(null, float.NaN, evidence: false);
        }

        Assert.That(rig.Leave(), Is.Empty);
    }

    [Test]
    public void Matches_that_fail_liveness_never_grant_and_end_as_one_spoof_with_the_score_bucket()
    {
        var rig = new TrackRig();
        for (var i = 0; i < 6; i++)
        {
            rig.Frame("A-1", 0.7f, live: false, liveness: i % 2 == 0 ? 0.22f : 0.28f);
        }

        var spoof = rig.Leave().Single();

        Assert.That(rig.Decisions.Where(d => d.Outcome == FaceTrackOutcome.Granted), Is.Empty);
        Assert.That((spoof.Outcome, spoof.PersonId, spoof.LivenessBucket), Is.EqualTo((FaceTrackOutcome.Spoof, "A-1", "0.2-0.3")));
    }

    [Test]
    public void A_live_resident_after_one_unconvincing_frame_is_still_granted()
    {
        var rig = new TrackRig();

        rig.Frame("A-1", 0.7f, live: false, liveness: 0.4f);
        rig.Frame("A-1", 0.7f);
        var grant = rig.Frame("A-1", 0.7f).Single();

        Assert.That(grant.Outcome, Is.EqualTo(FaceTrackOutcome.Granted));
    }

    [TestCase(float.NaN, "not run")]
    [TestCase(0f, "0.0-0.1")]
    [TestCase(0.999f, "0.9-1.0")]
    [TestCase(1f, "0.9-1.0")]
    public void Liveness_buckets_are_a_tenth_wide(float score, string bucket) =>
        Assert.That(FaceTrackDecision.FormatBucket(score), Is.EqualTo(bucket));

    [Test]
    public void A_person_granted_once_is_not_granted_again_within_the_cooldown_on_a_new_track()
    {
        var rig = new TrackRig();
        rig.Frame("A-1", 0.6f);
        rig.Frame("A-1", 0.6f);
        rig.Leave();

        rig.Frame("A-1", 0.6f);
        Assert.That(rig.Frame("A-1", 0.6f), Is.Empty);
        rig.Leave();
        rig.Empty(rig.Options.Cooldown);
        rig.Frame("A-1", 0.6f);
        var later = rig.Frame("A-1", 0.6f);

        Assert.That(rig.Tracker.Counts.HeldBack, Is.EqualTo(1));
        Assert.That(later.Single().Outcome, Is.EqualTo(FaceTrackOutcome.Granted), "after the cooldown, with the door closed");
    }

    [Test]
    public void A_track_held_back_by_the_cooldown_does_not_grant_later_in_its_life()
    {
        var rig = new TrackRig();
        rig.Frame("A-1", 0.6f);
        rig.Frame("A-1", 0.6f);
        rig.Leave();
        rig.Frame("A-1", 0.6f);
        rig.Frame("A-1", 0.6f);

        for (var frame = 0; frame < 100; frame++)
        {
            rig.Frame("A-1", 0.6f);
        }

        Assert.That(rig.Decisions.Count(d => d.Outcome == FaceTrackOutcome.Granted), Is.EqualTo(1));
    }

    [Test]
    public void While_the_door_stays_open_the_same_person_does_not_trigger_it_again_but_another_does()
    {
        var rig = new TrackRig();
        rig.Frame("A-1", 0.6f);
        rig.Frame("A-1", 0.6f);
        rig.DoorOpen = true;
        rig.Leave();
        rig.Empty(rig.Options.Cooldown);

        rig.Frame("A-1", 0.6f);
        var again = rig.Frame("A-1", 0.6f);
        rig.Leave();
        rig.Frame("B-2", 0.6f);
        var other = rig.Frame("B-2", 0.6f);
        rig.DoorOpen = false;
        rig.Leave();
        rig.Frame("A-1", 0.6f);
        var afterClosing = rig.Frame("A-1", 0.6f);

        Assert.That(again, Is.Empty);
        Assert.That(other.Single().PersonId, Is.EqualTo("B-2"));
        Assert.That(afterClosing.Single().PersonId, Is.EqualTo("A-1"));
    }

    [Test]
    public void A_track_unseen_for_the_configured_frames_ends_even_when_time_has_not_run_out()
    {
        var rig = new TrackRig(new FaceTrackingOptions { TrackTimeoutFrames = 2, TrackTimeout = TimeSpan.FromMinutes(1) });
        rig.Frame("A-1", 0.6f, box: TrackRig.Left);
        rig.Frame(null, 0.2f, box: TrackRig.Right);
        rig.Frame(null, 0.2f, box: TrackRig.Right);
        rig.Frame(null, 0.2f, box: TrackRig.Right);

        rig.Frame("A-1", 0.6f, box: TrackRig.Left);

        Assert.That(rig.Decisions, Is.Empty, "the first A-1 frame belonged to a track that had ended");
        Assert.That(rig.Tracker.Counts.Started, Is.EqualTo(3));
    }

    [Test]
    public void Frame_numbers_that_start_again_end_every_track_of_the_worker_before()
    {
        var rig = new TrackRig();
        rig.Frame(null, 0.2f);
        rig.Frame(null, 0.2f);
        var made = new List<FaceTrackDecision>();

        rig.Tracker.Observe(new FaceFrameEvidence(0, rig.Time.GetTimestamp(), TrackRig.Left, null, 0.2f, 0.1f), TrackRig.Threshold, made);

        Assert.That(made.Single().Outcome, Is.EqualTo(FaceTrackOutcome.Unknown));
        Assert.That(rig.Tracker.ActiveTracks, Is.EqualTo(1));
    }
}
