using System.Numerics.Tensors;
using GateController.Vision.Alignment;
using GateController.Vision.Detection;
using GateController.Vision.Embedding;
using GateController.Vision.Imaging;
using GateController.Vision.Models;

namespace GateController.Tests.Vision.Quantization;

/// <summary>The int8 embedder against the fp32 one it was built from, on every labelled photo of ../shared/faces.</summary>
public sealed class Int8EmbedderAccuracyTests
{
    [Test]
    public void Int8_embeddings_point_the_same_way_as_the_fp32_ones()
    {
        using var fp32 = new OnnxFaceEmbedder(
            ModelCacheSetup.PathOf(ModelOptions.Fp32Embedder), ModelCacheSetup.Catalog.GetModel(ModelOptions.Fp32Embedder));
        var cosines = new List<float>();
        foreach (var photo in FaceData.Persons.SelectMany(FaceData.PhotosOf))
        {
            using var image = FaceImage.Load(photo);
            var face = SharedVision.Detector.Detect(image).MaxBy(f => f.Area);
            using var aligned = FaceAligner.Align(image, face.Landmarks);
            var reference = new float[fp32.Dimension];
            fp32.Embed(aligned, reference);
            cosines.Add(TensorPrimitives.Dot(reference, SharedVision.EmbeddingOf(photo)));
        }

        cosines.Sort();
        TestContext.Out.WriteLine($"cosine(fp32, int8) over {cosines.Count} photos: min {cosines[0]:F4}, median {cosines[cosines.Count / 2]:F4}");
        Assert.That(cosines, Has.Count.GreaterThan(150));
        Assert.That(cosines[cosines.Count / 2], Is.GreaterThan(0.98f));
        Assert.That(cosines[0], Is.GreaterThan(0.95f));
    }
}
