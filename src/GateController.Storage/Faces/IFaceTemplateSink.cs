namespace GateController.Storage.Faces;

/// <summary>
/// Receives decrypted templates one at a time, so the matcher can copy each straight into its matrix: the store never
/// holds them all as arrays (at 90,000 templates that was 46 MB of arrays plus as much again in plaintext buffers,
/// most of it left resident after the load). The span is zeroed as soon as <see cref="Add"/> returns.
/// </summary>
public interface IFaceTemplateSink
{
    /// <summary>Called once, first, with how many templates of the model are stored (a capacity hint).</summary>
    void Begin(int storedTemplates);

    /// <summary>One template that opened; templates of one person arrive together, persons in ascending id order.</summary>
    void Add(string personId, ReadOnlySpan<float> embedding);
}
