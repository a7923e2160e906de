namespace GateController.Vision.Matching;

/// <summary>One stored template of a person, as loaded from the store into the index.</summary>
public readonly record struct EnrolledTemplate(string PersonId, ReadOnlyMemory<float> Template);
