namespace GateController.Storage.Faces;

/// <summary>
/// One decrypted template for the in-memory matcher. It lives only in memory; nothing returned by
/// the admin API or written to a log may contain <see cref="Embedding"/>.
/// </summary>
public sealed record FaceTemplate(string PersonId, float[] Embedding)
{
    public override string ToString() => $"FaceTemplate(person {PersonId}, {Embedding.Length} dimensions, redacted)";
}
