namespace GateController.Vision.Evaluation;

/// <summary>
/// One person's embeddings in an evaluation: the enrolment templates and the probes compared with everyone's.
/// Held in memory for the comparison only; the caller clears them afterwards.
/// </summary>
public sealed record PersonEmbeddings(string Person, IReadOnlyList<float[]> Enrolment, IReadOnlyList<float[]> Probes);
