namespace GateController.Core.Access;

/// <summary>What a producer presents to the decision engine. Each method has its own verifier.</summary>
public abstract record Credential(AccessMethod Method);

/// <summary>
/// The outcome of the face path for one frame: the best-matching enrolled person (or none) and the
/// cosine similarity. It never carries the embedding itself.
/// </summary>
public sealed record FaceMatchCredential(string? PersonId, float Similarity, string? SecondPersonId, float SecondSimilarity)
    : Credential(AccessMethod.Face);
