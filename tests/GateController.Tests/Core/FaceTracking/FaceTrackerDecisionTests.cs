using GateController.Core.FaceTracking;

namespace GateController.Tests.Core.FaceTracking;

/// <summary>k of the last n frames of one track, with a margin, on synthetic frame sequences at 25 fps (k = 2, n = 3).</summary>
public sealed class FaceTrackerDecisionTests
{
    [Test]
    public void A_grant_comes_on_the_kth_matching_frame_of_the_last_n_and_names_the_person_once()
    {
        var rig = new TrackRig();

        Assert.That(rig.Frame("A-1", 0.6f), Is.Empty, "one frame is not two of three");
        Assert.That(rig.Frame(null, 0.2f), Is.Empty);
        var grant = rig.Frame("A-1", 0.62f).Single();
        rig.Frame("A-1", 0.63f);
        rig.Frame("A-1", 0.64f);

        Assert.That((grant.Outcome, grant.PersonId, grant.MatchingFrames, grant.WindowFrames), Is.EqualTo((FaceTrackOutcome.Granted, "A-1", 2, 3)));
        Assert.That(grant.Similarity, Is.EqualTo(0.61f).Within(1e-5));
        Assert.That(rig.Decisions, Has.Count.EqualTo(1), "the track decided once");
        Assert.That(rig.Leave(), Is.Empty, "a granted track ends without another event");
    }

    [Test]
    public void Matches_further_apart_than_the_window_never_grant()
    {
        var rig = new TrackRig();
        for (var i = 0; i < 4; i++)
        {
            rig.Frame("A-1", 0.6f);
            rig.Frame(null, 0.3f);
            rig.Frame(null, 0.3f);
        }

        Assert.That(rig.Decisions, Is.Empty);
        Assert.That(rig.Leave(), Is.Empty, "not a stranger either: it matched now and then");
        Assert.That(rig.Tracker.Counts.Undecided, Is.EqualTo(1));
    }

    [Test]
    public void Frames_of_two_persons_in_one_track_do_not_add_up()
    {
        var rig = new TrackRig();

        rig.Frame("A-1", 0.6f);
        rig.Frame("B-2", 0.6f);
        rig.Frame("A-1", 0.3f, second: 0.1f);

        Assert.That(rig.Decisions, Is.Empty);
    }

    [Test]
    public void The_same_frame_observed_twice_counts_once()
    {
        var rig = new TrackRig();

        var made = rig.Faces(("A-1", 0.6f, 0.1f, TrackRig.Left, true, true, float.NaN), ("A-1", 0.6f, 0.1f, TrackRig.Left, true, true, float.NaN));

        Assert.That(made, Is.Empty, "a second face of the same frame is its own track, never a second vote");
        Assert.That(rig.Tracker.ActiveTracks, Is.EqualTo(2));
    }

    [Test]
    public void A_face_too_close_to_two_enrolled_persons_is_never_granted()
    {
        var rig = new TrackRig();
        for (var i = 0; i < 10; i++)
        {
            rig.Frame("A-1", 0.60f, second: 0.58f);
        }

        Assert.That(rig.Decisions, Is.Empty);
        Assert.That(rig.Leave(), Is.Empty, "above the threshold: no stranger");
    }

    [Test]
    public void The_margin_is_over_the_second_best_person()
    {
        var rig = new TrackRig(new FaceTrackingOptions { Margin = 0.1f });

        rig.Frame("A-1", 0.60f, second: 0.45f);
        var grant = rig.Frame("A-1", 0.61f, second: 0.40f).Single();

        Assert.That(grant.Margin, Is.EqualTo(0.15f).Within(1e-5), "the smaller of the deciding frames' margins");
    }

    [Test]
    public void Two_faces_side_by_side_are_two_tracks_each_decided_on_its_own_frames()
    {
        var rig = new TrackRig();

        rig.Faces(("A-1", 0.6f, 0.1f, TrackRig.Left, true, true, float.NaN), (null, 0.2f, 0.1f, TrackRig.Right, true, true, float.NaN));
        var made = rig.Faces(("A-1", 0.6f, 0.1f, TrackRig.Left, true, true, float.NaN), (null, 0.2f, 0.1f, TrackRig.Right, true, true, float.NaN));
        var ended = rig.Leave();

        Assert.That(made.Single().PersonId, Is.EqualTo("A-1"));
        Assert.That(ended.Single().Outcome, Is.EqualTo(FaceTrackOutcome.Unknown));
    }

    [Test]
    public void A_face_that_moves_without_overlapping_its_last_box_starts_a_new_track()
    {
        var rig = new TrackRig();

        rig.Frame("A-1", 0.6f, box: TrackRig.Left);
        rig.Frame("A-1", 0.6f, box: TrackRig.Right);

        Assert.That(rig.Decisions, Is.Empty);
        Assert.That(rig.Tracker.Counts.Started, Is.EqualTo(2));
    }

    [Test]
    public void A_face_walking_up_stays_one_track_as_its_box_grows()
    {
        var rig = new TrackRig();
        for (var i = 0; i < 6; i++)
        {
            var size = 60 + (i * 6);
            rig.Frame(null, 0.2f, box: new FaceBox(500 - (size / 2f), 300 - (size / 2f), size, size));
        }

        Assert.That(rig.Tracker.Counts.Started, Is.EqualTo(1));
    }
}
