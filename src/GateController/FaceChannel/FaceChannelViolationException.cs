namespace GateController.FaceChannel;

/// <summary>A face process sent something that is not a well-formed message of this protocol.</summary>
public sealed class FaceChannelViolationException(string message) : Exception(message);
