using System.Text.Json;

namespace GateController.Storage.Faces;

/// <summary>The personal text of a consent record, as the JSON that is sealed. The time is stored in plain.</summary>
internal sealed record ConsentDetails(string ConsentedBy, string Method, string Operator)
{
    public static ConsentDetails From(ConsentRecord consent) => new(consent.ConsentedBy, consent.Method, consent.Operator);

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static ConsentDetails? FromUtf8(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<ConsentDetails>(json);
}
