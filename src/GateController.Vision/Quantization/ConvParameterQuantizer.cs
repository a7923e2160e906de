using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace GateController.Vision.Quantization;

/// <summary>
/// A Conv's weights as int8 per output channel (symmetric, at most 2^(bits-1)-1) and its bias as int32 at
/// input scale × weight scale, each behind a per-channel DequantizeLinear: the form ONNX Runtime's QDQ
/// selector turns into one QLinearConv.
/// </summary>
internal static class ConvParameterQuantizer
{
    public static void Quantize(
        GraphProto graph, Dictionary<string, TensorProto> initializers, List<NodeProto> added, NodeProto conv, float inputScale, int weightBits)
    {
        if (!initializers.TryGetValue(conv.Input[1], out var weight))
        {
            throw new QuantizationException($"Conv {conv.Name} takes its weights from a tensor, not an initializer.");
        }

        var values = OnnxInitializers.ReadFloats(weight);
        var channels = (int)weight.Dims[0];
        var perChannel = values.Length / channels;
        var limit = (float)((1 << (weightBits - 1)) - 1);
        var weightScales = new float[channels];
        var quantized = new byte[values.Length];
        for (var c = 0; c < channels; c++)
        {
            var largest = 0f;
            for (var j = 0; j < perChannel; j++)
            {
                largest = Math.Max(largest, Math.Abs(values[(c * perChannel) + j]));
            }

            // An all-zero channel still needs a positive scale; its weights quantize to 0 either way.
            weightScales[c] = largest > 0f ? largest / limit : 1f;
            for (var j = 0; j < perChannel; j++)
            {
                var q = Math.Clamp(Math.Round(values[(c * perChannel) + j] / weightScales[c], MidpointRounding.ToEven), -limit, limit);
                quantized[(c * perChannel) + j] = unchecked((byte)(sbyte)q);
            }
        }

        conv.Input[1] = AddPerChannelDequantize(
            graph, added, weight.Name, OnnxInitializers.Bytes($"{weight.Name}_quantized", DataType.Int8, quantized, [.. weight.Dims]),
            weightScales, OnnxInitializers.Bytes($"{weight.Name}_zero_point", DataType.Int8, new byte[channels], channels));
        graph.Initializer.Remove(weight);

        if (conv.Input.Count < 3 || conv.Input[2].Length == 0)
        {
            return;
        }

        if (!initializers.TryGetValue(conv.Input[2], out var bias))
        {
            throw new QuantizationException($"Conv {conv.Name} takes its bias from a tensor, not an initializer.");
        }

        var biasValues = OnnxInitializers.ReadFloats(bias);
        var biasScales = new float[channels];
        var biasQuantized = new int[channels];
        for (var c = 0; c < channels; c++)
        {
            biasScales[c] = inputScale * weightScales[c];
            biasQuantized[c] = (int)Math.Clamp(Math.Round(biasValues[c] / biasScales[c], MidpointRounding.ToEven), int.MinValue, int.MaxValue);
        }

        conv.Input[2] = AddPerChannelDequantize(
            graph, added, bias.Name, OnnxInitializers.Int32s($"{bias.Name}_quantized", biasQuantized, channels),
            biasScales, OnnxInitializers.Int32s($"{bias.Name}_zero_point", new int[channels], channels));
        graph.Initializer.Remove(bias);
    }

    private static string AddPerChannelDequantize(
        GraphProto graph, List<NodeProto> added, string name, TensorProto quantized, float[] scales, TensorProto zeroPoints)
    {
        var scaleTensor = OnnxInitializers.Floats($"{name}_scale", scales, scales.Length);
        graph.Initializer.Add(quantized);
        graph.Initializer.Add(scaleTensor);
        graph.Initializer.Add(zeroPoints);
        var output = $"{name}_dequantized";
        var node = QdqQuantizer.Node("DequantizeLinear", $"{name}_DQ", [quantized.Name, scaleTensor.Name, zeroPoints.Name], output);
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        added.Add(node);
        return output;
    }
}
