using GateController.Vision.Imaging;

namespace GateController.Vision.Embedding;

public interface IFaceEmbedder
{
    /// <summary>Length of the embedding vector.</summary>
    int Dimension { get; }

    /// <summary>Writes the unit-length embedding of an aligned face crop into <paramref name="destination"/>.</summary>
    void Embed(FaceImage aligned, Span<float> destination);
}
