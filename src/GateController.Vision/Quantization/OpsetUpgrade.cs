using Onnx;

namespace GateController.Vision.Quantization;

/// <summary>
/// Moves a model of opset 11 or 12 to opset 13, which per-channel DequantizeLinear needs. Only operators whose
/// change up to 13 is in the accepted types, or Unsqueeze/Squeeze (axes move from an attribute to an input),
/// are carried over; anything else is refused rather than guessed.
/// </summary>
internal static class OpsetUpgrade
{
    public const int Target = 13;

    private static readonly HashSet<string> UnchangedUpTo13 = new(StringComparer.Ordinal)
    {
        "Add", "Clip", "Concat", "Constant", "Conv", "Flatten", "Gather", "MaxPool", "Mul", "Relu", "Reshape",
        "Resize", "Shape", "Sigmoid", "Transpose", "Sub", "Div",
    };

    public static void Apply(ModelProto model)
    {
        var onnx = model.OpsetImport.SingleOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx")
            ?? throw new QuantizationException("The model imports no default-domain opset.");
        if (onnx.Version >= Target)
        {
            return;
        }

        if (onnx.Version < 11)
        {
            throw new QuantizationException($"The model uses opset {onnx.Version}; the quantizer carries over opset 11 and 12 only.");
        }

        foreach (var node in model.Graph.Node)
        {
            if (node.OpType is "Unsqueeze" or "Squeeze")
            {
                MoveAxesToInput(model.Graph, node);
            }
            else if (!UnchangedUpTo13.Contains(node.OpType))
            {
                throw new QuantizationException($"Operator {node.OpType} ({node.Name}) is not carried over to opset 13 by the quantizer.");
            }
        }

        onnx.Version = Target;
    }

    private static void MoveAxesToInput(GraphProto graph, NodeProto node)
    {
        var axes = node.Attribute.FirstOrDefault(a => a.Name == "axes");
        if (axes is null)
        {
            return;
        }

        node.Attribute.Remove(axes);
        var name = $"{node.Output[0]}_axes";
        graph.Initializer.Add(OnnxInitializers.Int64s(name, axes.Ints, axes.Ints.Count));
        node.Input.Add(name);
    }
}
