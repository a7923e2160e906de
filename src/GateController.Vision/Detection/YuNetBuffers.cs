using Microsoft.ML.OnnxRuntime;

namespace GateController.Vision.Detection;

/// <summary>
/// Input and output tensors for one detector input size, pinned once and handed to ONNX Runtime as
/// pre-allocated OrtValues, so steady-state detection allocates nothing large.
/// </summary>
internal sealed class YuNetBuffers : IDisposable
{
    public YuNetBuffers(int contentWidth, int contentHeight, int multiple)
    {
        ContentWidth = contentWidth;
        ContentHeight = contentHeight;
        PaddedWidth = DetectionGeometry.PadTo(contentWidth, multiple);
        PaddedHeight = DetectionGeometry.PadTo(contentHeight, multiple);
        Input = new float[3 * PaddedWidth * PaddedHeight];
        InputValue = OrtValue.CreateTensorValueFromMemory(Input, [1, 3, PaddedHeight, PaddedWidth]);

        int[] widths = [1, 1, 4, 10];
        Outputs = new float[12][];
        var values = new OrtValue[12];
        for (var kind = 0; kind < 4; kind++)
        {
            for (var s = 0; s < YuNetDecoder.Strides.Length; s++)
            {
                var stride = YuNetDecoder.Strides[s];
                var anchors = PaddedWidth / stride * (PaddedHeight / stride);
                var buffer = new float[anchors * widths[kind]];
                Outputs[(kind * 3) + s] = buffer;
                values[(kind * 3) + s] = OrtValue.CreateTensorValueFromMemory(buffer, [1, anchors, widths[kind]]);
            }
        }

        OutputValues = values;
    }

    public int ContentWidth { get; }

    public int ContentHeight { get; }

    public int PaddedWidth { get; }

    public int PaddedHeight { get; }

    public float[] Input { get; }

    public OrtValue InputValue { get; }

    /// <summary>cls 8/16/32, obj 8/16/32, bbox 8/16/32, kps 8/16/32.</summary>
    public float[][] Outputs { get; }

    public IReadOnlyList<OrtValue> OutputValues { get; }

    public void Dispose()
    {
        InputValue.Dispose();
        foreach (var value in OutputValues)
        {
            value.Dispose();
        }
    }
}
