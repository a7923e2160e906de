using Onnx;

namespace GateController.Vision.Quantization;

/// <summary>
/// Which activations get a QuantizeLinear/DequantizeLinear pair: a float tensor every reader of which is a
/// Conv or an Add, and that is not a graph output. A Conv output read by Relu/Clip is left alone, so ONNX
/// Runtime sees <c>DQ → Conv → Relu → Q</c>, drops the Relu into the quantisation, and fuses a QLinearConv.
/// The calibrator and the quantizer both ask this class, so they always agree on the set.
/// </summary>
internal static class QuantizableTensors
{
    private static readonly HashSet<string> QuantizedReaders = new(StringComparer.Ordinal) { "Conv", "Add" };

    public static IReadOnlyList<string> Select(GraphProto graph)
    {
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var input in node.Input.Where(i => i.Length > 0))
            {
                if (!readers.TryGetValue(input, out var list))
                {
                    readers[input] = list = [];
                }

                list.Add(node.OpType);
            }
        }

        var candidates = graph.Input.Select(i => i.Name).Where(n => !initializers.Contains(n))
            .Concat(graph.Node.SelectMany(n => n.Output));
        return [.. candidates.Where(name =>
            !graphOutputs.Contains(name)
            && readers.TryGetValue(name, out var ops)
            && ops.All(QuantizedReaders.Contains))];
    }
}
