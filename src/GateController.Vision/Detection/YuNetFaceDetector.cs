using GateController.Vision.Imaging;
using GateController.Vision.Models;
using Microsoft.ML.OnnxRuntime;

namespace GateController.Vision.Detection;

/// <summary>
/// YuNet (dynamic-size export) on ONNX Runtime. The frame is shrunk to fit
/// <see cref="FaceDetectorOptions.DetectionMaxSide"/>, padded bottom/right to a multiple of 32, and the
/// results are mapped back to frame pixels. Buffers are reused while the frame size stays the same.
/// Not safe for concurrent calls: <see cref="Detect"/> serialises them.
/// </summary>
public sealed class YuNetFaceDetector : IFaceDetector, IDisposable
{
    private readonly InferenceSession _session;
    private readonly ModelInputContract _input;
    private readonly FaceDetectorOptions _options;
    private readonly string[] _outputNames;
    private readonly Lock _gate = new();
    private readonly FaceImage _resized = new(1, 1);
    private readonly BilinearResize _resize = new();
    private readonly RunOptions _runOptions = new();
    private readonly List<DetectedFace> _candidates = [];
    private YuNetBuffers? _buffers;

    public YuNetFaceDetector(string modelPath, ModelEntry model, FaceDetectorOptions options, int intraOpThreads = ModelOptions.DefaultIntraOpThreads)
    {
        if (!model.Input.IsDynamicSize)
        {
            throw new ArgumentException($"{model.File} has a fixed {model.Input.Width}x{model.Input.Height} input; use the dynamic YuNet export.", nameof(model));
        }

        _input = model.Input;
        _options = options;
        // Output order: cls, obj, bbox, kps, each for strides 8, 16, 32 (the names in the manifest).
        _outputNames = [.. from kind in new[] { "cls", "obj", "bbox", "kps" } from stride in YuNetDecoder.Strides select $"{kind}_{stride}"];
        _session = OnnxSessions.Open(modelPath, intraOpThreads);
    }

    /// <inheritdoc/>
    /// <remarks>Allocates nothing once the buffers for the frame size exist (checked by FaceAnalyzerAllocationTests).</remarks>
    public void Detect(FaceImage image, List<DetectedFace> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        lock (_gate)
        {
            var (width, height, scale) = DetectionGeometry.FitWithin(image.Width, image.Height, _options.DetectionMaxSide);
            var source = image;
            if (scale < 1f)
            {
                _resized.Reshape(width, height);
                _resize.Resize(image, _resized);
                source = _resized;
            }

            var buffers = BuffersFor(width, height);
            PlanarTensor.Fill(source, buffers.Input, buffers.PaddedWidth, buffers.PaddedHeight, _input);
            _session.RunWithBinding(_runOptions, buffers.Binding);

            _candidates.Clear();
            for (var s = 0; s < YuNetDecoder.Strides.Length; s++)
            {
                YuNetDecoder.Decode(
                    buffers.Outputs[s], buffers.Outputs[3 + s], buffers.Outputs[6 + s], buffers.Outputs[9 + s],
                    YuNetDecoder.Strides[s], buffers.PaddedWidth, buffers.PaddedHeight, _options.ScoreThreshold, scale, _candidates);
            }

            NonMaximumSuppression.Apply(_candidates, _options.NmsIouThreshold, _options.TopK, faces);
        }
    }

    public void Dispose()
    {
        _buffers?.Dispose();
        _resized.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private YuNetBuffers BuffersFor(int width, int height)
    {
        if (_buffers is { } existing && existing.ContentWidth == width && existing.ContentHeight == height)
        {
            return existing;
        }

        _buffers?.Dispose();
        _buffers = new YuNetBuffers(_session, _input.Name, _outputNames, width, height, _input.SizeMultipleOf);
        return _buffers;
    }
}
