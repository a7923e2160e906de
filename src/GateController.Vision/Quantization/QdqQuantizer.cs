using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace GateController.Vision.Quantization;

/// <summary>
/// Turns an fp32 ONNX model into a QDQ int8 model that ONNX Runtime fuses into QLinearConv/QLinearAdd:
/// activations uint8 (asymmetric, from the calibrated ranges), Conv weights int8 per output channel
/// (symmetric, <see cref="QuantizationRecipe.WeightBits"/>), Conv biases int32 at input × weight scale.
/// Graph outputs stay float. Every step is plain IEEE float arithmetic in a fixed order, so the same
/// model and calibration give the same bytes on every machine, and the result is checked by sha256.
/// </summary>
public static class QdqQuantizer
{
    public static byte[] Quantize(byte[] fp32Model, ActivationCalibration calibration, int weightBits)
    {
        if (weightBits is < 2 or > 8)
        {
            throw new QuantizationException($"weightBits {weightBits} is outside 2..8.");
        }

        var model = ModelProto.Parser.ParseFrom(fp32Model);
        var graph = model.Graph;
        var ranges = MatchCalibration(graph, calibration);
        OpsetUpgrade.Apply(model);

        var added = new List<NodeProto>();
        var scales = new Dictionary<string, float>(StringComparer.Ordinal);
        var dequantized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in ranges)
        {
            var (scale, zeroPoint) = ActivationScale(range);
            scales[range.Tensor] = scale;
            dequantized[range.Tensor] = AddQdqPair(graph, added, range.Tensor, scale, zeroPoint);
        }

        var initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            var reads = node.Input.ToArray();
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (dequantized.TryGetValue(node.Input[i], out var replacement))
                {
                    node.Input[i] = replacement;
                }
            }

            if (node.OpType == "Conv" && scales.TryGetValue(reads[0], out var inputScale))
            {
                ConvParameterQuantizer.Quantize(graph, initializers, added, node, inputScale, weightBits);
            }
        }

        var nodes = TopologicalOrder(graph, graph.Node.Concat(added));
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        model.ProducerName = "GateController QdqQuantizer";
        return model.ToByteArray();
    }

    /// <summary>uint8 asymmetric over [min(min,0), max(max,0)], so that 0 is exact (padding, ReLU).</summary>
    internal static (float Scale, byte ZeroPoint) ActivationScale(ActivationRange range)
    {
        var low = Math.Min(range.Min, 0f);
        var high = Math.Max(range.Max, 0f);
        var scale = (high - low) / 255f;
        if (!(scale > 0f) || !float.IsFinite(scale))
        {
            throw new QuantizationException($"Tensor {range.Tensor} has the unusable calibrated range [{range.Min}, {range.Max}].");
        }

        return (scale, (byte)Math.Clamp(Math.Round(-low / scale, MidpointRounding.ToEven), 0, 255));
    }

    private static List<ActivationRange> MatchCalibration(GraphProto graph, ActivationCalibration calibration)
    {
        var wanted = QuantizableTensors.Select(graph);
        var byName = calibration.Activations.ToDictionary(a => a.Tensor, StringComparer.Ordinal);
        var missing = wanted.Where(t => !byName.ContainsKey(t)).ToList();
        var extra = byName.Keys.Except(wanted, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new QuantizationException(
                $"The calibration of {calibration.Model} does not fit this model: "
                + $"{missing.Count} activation(s) without a range ({string.Join(", ", missing.Take(3))}), "
                + $"{extra.Count} range(s) for tensors it does not quantize ({string.Join(", ", extra.Take(3))}).");
        }

        return [.. wanted.Select(t => byName[t])];
    }

    private static string AddQdqPair(GraphProto graph, List<NodeProto> added, string tensor, float scale, byte zeroPoint)
    {
        var scaleName = $"{tensor}_scale";
        var zeroName = $"{tensor}_zero_point";
        graph.Initializer.Add(OnnxInitializers.Floats(scaleName, [scale]));
        graph.Initializer.Add(OnnxInitializers.Bytes(zeroName, DataType.Uint8, [zeroPoint]));
        var quantized = $"{tensor}_quantized";
        var output = $"{tensor}_dequantized";
        added.Add(Node("QuantizeLinear", $"{tensor}_Q", [tensor, scaleName, zeroName], quantized));
        added.Add(Node("DequantizeLinear", $"{tensor}_DQ", [quantized, scaleName, zeroName], output));
        return output;
    }

    internal static NodeProto Node(string opType, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    /// <summary>Kahn's order, stable: among ready nodes the earliest in the original list goes first.</summary>
    private static List<NodeProto> TopologicalOrder(GraphProto graph, IEnumerable<NodeProto> nodes)
    {
        var pending = nodes.ToList();
        var available = graph.Initializer.Select(i => i.Name).Concat(graph.Input.Select(i => i.Name)).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<NodeProto>(pending.Count);
        while (pending.Count > 0)
        {
            var index = pending.FindIndex(n => n.Input.All(i => i.Length == 0 || available.Contains(i)));
            if (index < 0)
            {
                throw new QuantizationException($"The graph has a cycle or an unknown input near {pending[0].Name}.");
            }

            var next = pending[index];
            pending.RemoveAt(index);
            ordered.Add(next);
            foreach (var output in next.Output)
            {
                available.Add(output);
            }
        }

        return ordered;
    }
}
