using GateController.Core.Access;

namespace GateController.Core.FaceTracking;

/// <summary>
/// The face path's credential: a track's decision over several frames. The threshold and margin were applied per
/// frame (<see cref="FaceFrameClassifier"/>); the verifier turns the outcome into a verdict and checks nothing twice.
/// </summary>
public sealed record FaceTrackCredential(FaceTrackDecision Decision) : Credential(AccessMethod.Face);
