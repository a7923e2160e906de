using GateController.Vision.Detection;
using GateController.Vision.Quality;

namespace GateController.Vision.Pipeline;

/// <summary>
/// What the per-frame path found about the largest face: where it is, how many faces the frame showed, its quality,
/// its P(real) (NaN when liveness did not run) and whether it was embedded (not when quality refused it).
/// </summary>
public readonly record struct DecidingFace(DetectedFace Face, int FacesInFrame, FaceQuality Quality, float LivenessScore, bool HasEmbedding);
