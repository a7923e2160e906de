using GateController.Vision.Imaging;
using GateController.Vision.Models;
using Microsoft.ML.OnnxRuntime;

namespace GateController.Vision.Embedding;

/// <summary>
/// A face embedder (MobileFaceNet by default) on ONNX Runtime. Preprocessing (channel order, scale,
/// mean/std) comes from the manifest entry; the output is L2-normalised. Calls are serialised.
/// </summary>
public sealed class OnnxFaceEmbedder : IFaceEmbedder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly ModelInputContract _input;
    private readonly float[] _inputBuffer;
    private readonly float[] _outputBuffer;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private readonly Lock _gate = new();

    public OnnxFaceEmbedder(string modelPath, ModelEntry model, int intraOpThreads = ModelOptions.DefaultIntraOpThreads)
    {
        if (model.Input.Width is not { } width || model.Input.Height is not { } height || model.EmbeddingDimension is not { } dimension)
        {
            throw new ArgumentException($"{model.File}: an embedder needs a fixed input size and an embeddingDimension in the manifest.", nameof(model));
        }

        _input = model.Input;
        Dimension = dimension;
        Width = width;
        Height = height;
        _inputBuffer = new float[3 * width * height];
        _outputBuffer = new float[dimension];
        _inputValue = OrtValue.CreateTensorValueFromMemory(_inputBuffer, [1, 3, height, width]);
        _outputValue = OrtValue.CreateTensorValueFromMemory(_outputBuffer, [1, dimension]);
        _session = OnnxSessions.Open(modelPath, intraOpThreads);
        // Bound once: Run with names and values builds arrays per call; RunWithBinding allocates nothing.
        _binding = _session.CreateIoBinding();
        _binding.BindInput(_input.Name, _inputValue);
        _binding.BindOutput(model.Outputs[0], _outputValue);
    }

    public int Dimension { get; }

    public int Width { get; }

    public int Height { get; }

    public void Embed(FaceImage aligned, Span<float> destination)
    {
        if (aligned.Width != Width || aligned.Height != Height)
        {
            throw new ArgumentException($"The embedder takes an aligned {Width}x{Height} crop, got {aligned.Width}x{aligned.Height}.", nameof(aligned));
        }

        if (destination.Length != Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; the embedding has {Dimension}.", nameof(destination));
        }

        lock (_gate)
        {
            PlanarTensor.Fill(aligned, _inputBuffer, Width, Height, _input);
            _session.RunWithBinding(_runOptions, _binding);
            _outputBuffer.CopyTo(destination);
        }

        EmbeddingVector.Normalise(destination, "embedding from the model");
    }

    public void Dispose()
    {
        _binding.Dispose();
        _runOptions.Dispose();
        _inputValue.Dispose();
        _outputValue.Dispose();
        _session.Dispose();
    }
}
