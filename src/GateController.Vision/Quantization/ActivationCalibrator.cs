using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace GateController.Vision.Quantization;

/// <summary>
/// Runs an fp32 model over real inputs with every quantizable activation exposed as an extra output, and
/// records each one's min and max. Graph optimisations are off so the exposed tensors are the model's own.
/// </summary>
public static class ActivationCalibrator
{
    public static ActivationCalibration Calibrate(
        byte[] fp32Model, string modelFile, string modelSha256, IEnumerable<float[]> inputs, long[] inputShape, string samples)
    {
        var model = ModelProto.Parser.ParseFrom(fp32Model);
        var inputName = model.Graph.Input.Single(i => model.Graph.Initializer.All(init => init.Name != i.Name)).Name;
        var tensors = QuantizableTensors.Select(model.Graph);
        var exposed = tensors.Where(t => t != inputName).ToArray();
        foreach (var name in exposed)
        {
            model.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        var min = tensors.ToDictionary(t => t, _ => float.PositiveInfinity, StringComparer.Ordinal);
        var max = tensors.ToDictionary(t => t, _ => float.NegativeInfinity, StringComparer.Ordinal);
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model.ToByteArray(), options);
        var count = 0;
        foreach (var input in inputs)
        {
            using var value = OrtValue.CreateTensorValueFromMemory(input, inputShape);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [inputName], [value], exposed);
            if (min.ContainsKey(inputName))
            {
                Extend(inputName, input);
            }

            for (var i = 0; i < exposed.Length; i++)
            {
                Extend(exposed[i], outputs[i].GetTensorDataAsSpan<float>());
            }

            count++;
        }

        if (count == 0)
        {
            throw new QuantizationException($"No calibration samples for {modelFile}.");
        }

        return new ActivationCalibration
        {
            Model = modelFile,
            ModelSha256 = modelSha256,
            Samples = samples,
            SampleCount = count,
            Activations = [.. tensors.Select(t => new ActivationRange(t, min[t], max[t]))],
        };

        void Extend(string tensor, ReadOnlySpan<float> values)
        {
            min[tensor] = Math.Min(min[tensor], System.Numerics.Tensors.TensorPrimitives.Min(values));
            max[tensor] = Math.Max(max[tensor], System.Numerics.Tensors.TensorPrimitives.Max(values));
        }
    }
}
