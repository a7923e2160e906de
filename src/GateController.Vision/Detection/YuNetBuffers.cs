using Microsoft.ML.OnnxRuntime;

namespace GateController.Vision.Detection;

/// <summary>
/// Input and output tensors for one detector input size, pinned once and bound to the session once
/// (<see cref="OrtIoBinding"/>), so steady-state detection allocates nothing: <c>InferenceSession.Run</c> with
/// names and values builds name and handle arrays on every call, <c>RunWithBinding</c> does not.
/// </summary>
internal sealed class YuNetBuffers : IDisposable
{
    public YuNetBuffers(InferenceSession session, string inputName, IReadOnlyList<string> outputNames, int contentWidth, int contentHeight, int multiple)
    {
        ContentWidth = contentWidth;
        ContentHeight = contentHeight;
        PaddedWidth = DetectionGeometry.PadTo(contentWidth, multiple);
        PaddedHeight = DetectionGeometry.PadTo(contentHeight, multiple);
        Input = new float[3 * PaddedWidth * PaddedHeight];
        _inputValue = OrtValue.CreateTensorValueFromMemory(Input, [1, 3, PaddedHeight, PaddedWidth]);
        Binding = session.CreateIoBinding();
        Binding.BindInput(inputName, _inputValue);

        int[] widths = [1, 1, 4, 10];
        Outputs = new float[12][];
        _outputValues = new OrtValue[12];
        for (var kind = 0; kind < 4; kind++)
        {
            for (var s = 0; s < YuNetDecoder.Strides.Length; s++)
            {
                var stride = YuNetDecoder.Strides[s];
                var anchors = PaddedWidth / stride * (PaddedHeight / stride);
                var buffer = new float[anchors * widths[kind]];
                var index = (kind * 3) + s;
                Outputs[index] = buffer;
                _outputValues[index] = OrtValue.CreateTensorValueFromMemory(buffer, [1, anchors, widths[kind]]);
                Binding.BindOutput(outputNames[index], _outputValues[index]);
            }
        }
    }

    private readonly OrtValue _inputValue;
    private readonly OrtValue[] _outputValues;

    public int ContentWidth { get; }

    public int ContentHeight { get; }

    public int PaddedWidth { get; }

    public int PaddedHeight { get; }

    public float[] Input { get; }

    /// <summary>cls 8/16/32, obj 8/16/32, bbox 8/16/32, kps 8/16/32.</summary>
    public float[][] Outputs { get; }

    /// <summary>The input and every output bound to the pinned buffers above.</summary>
    public OrtIoBinding Binding { get; }

    public void Dispose()
    {
        Binding.Dispose();
        _inputValue.Dispose();
        foreach (var value in _outputValues)
        {
            value.Dispose();
        }
    }
}
