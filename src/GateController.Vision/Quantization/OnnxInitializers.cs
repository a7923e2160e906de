using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace GateController.Vision.Quantization;

/// <summary>Reading and making the constant tensors (initializers) the quantizer needs.</summary>
internal static class OnnxInitializers
{
    public static float[] ReadFloats(TensorProto tensor)
    {
        if (tensor.DataType != (int)DataType.Float)
        {
            throw new QuantizationException($"Initializer {tensor.Name} is {(DataType)tensor.DataType}, not float.");
        }

        if (tensor.FloatData.Count > 0)
        {
            return [.. tensor.FloatData];
        }

        var values = new float[tensor.RawData.Length / sizeof(float)];
        tensor.RawData.Span.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static TensorProto Floats(string name, IEnumerable<float> values, params long[] dims)
    {
        var tensor = Empty(name, DataType.Float, dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    public static TensorProto Bytes(string name, DataType type, byte[] values, params long[] dims)
    {
        var tensor = Empty(name, type, dims);
        tensor.RawData = ByteString.CopyFrom(values);
        return tensor;
    }

    public static TensorProto Int32s(string name, IEnumerable<int> values, params long[] dims)
    {
        var tensor = Empty(name, DataType.Int32, dims);
        tensor.Int32Data.AddRange(values);
        return tensor;
    }

    public static TensorProto Int64s(string name, IEnumerable<long> values, params long[] dims)
    {
        var tensor = Empty(name, DataType.Int64, dims);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    private static TensorProto Empty(string name, DataType type, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
