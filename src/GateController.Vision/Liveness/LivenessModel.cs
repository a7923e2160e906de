using System.Numerics.Tensors;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Models;
using Microsoft.ML.OnnxRuntime;

namespace GateController.Vision.Liveness;

/// <summary>
/// One MiniFASNet on ONNX Runtime: its crop of the frame resized to the model's input, fed as the manifest says (BGR,
/// raw 0..255), and the softmax of its three logits. Buffers are bound once, so a frame allocates nothing. Not safe
/// for concurrent calls (<see cref="LivenessScorer"/> serialises them).
/// </summary>
internal sealed class LivenessModel : IDisposable
{
    /// <summary>Upstream's labels: 1 is a real face, 0 and 2 are kinds of attack (MODELS.md).</summary>
    public const int RealClass = 1;

    private const int Classes = 3;

    private readonly InferenceSession _session;
    private readonly ModelInputContract _input;
    private readonly float _cropScale;
    private readonly FaceImage _crop;
    private readonly BilinearResize _resize = new();
    private readonly float[] _inputBuffer;
    private readonly float[] _logits = new float[Classes];
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();

    public LivenessModel(string modelPath, ModelEntry model, int intraOpThreads)
    {
        if (model.Input.Width is not { } width || model.Input.Height is not { } height || model.CropScale is not { } cropScale || cropScale < 1)
        {
            throw new ArgumentException($"{model.File}: a liveness model needs a fixed input size and a cropScale of at least 1 in the manifest.", nameof(model));
        }

        File = model.File;
        _input = model.Input;
        _cropScale = cropScale;
        _crop = new FaceImage(width, height);
        _inputBuffer = new float[3 * width * height];
        _session = OnnxSessions.Open(modelPath, intraOpThreads);
        try
        {
            _inputValue = OrtValue.CreateTensorValueFromMemory(_inputBuffer, [1, 3, height, width]);
            _outputValue = OrtValue.CreateTensorValueFromMemory(_logits, [1, Classes]);
            _binding = _session.CreateIoBinding();
            _binding.BindInput(_input.Name, _inputValue);
            _binding.BindOutput(model.Outputs[0], _outputValue);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public string File { get; }

    /// <summary>The model's P(real) for <paramref name="face"/> in <paramref name="frame"/>.</summary>
    public float RealProbability(FaceImage frame, in DetectedFace face)
    {
        var region = LivenessCrop.RegionFor(frame.Width, frame.Height, face, _cropScale);
        _resize.Resize(frame, region, _crop);
        PlanarTensor.Fill(_crop, _inputBuffer, _crop.Width, _crop.Height, _input);
        _session.RunWithBinding(_runOptions, _binding);
        Span<float> probabilities = stackalloc float[Classes];
        TensorPrimitives.SoftMax(_logits, probabilities);
        return probabilities[RealClass];
    }

    public void Dispose()
    {
        _binding.Dispose();
        _runOptions.Dispose();
        _inputValue.Dispose();
        _outputValue.Dispose();
        _session.Dispose();
        _crop.Dispose();
    }
}
