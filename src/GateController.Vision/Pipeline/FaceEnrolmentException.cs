namespace GateController.Vision.Pipeline;

/// <summary>An enrolment photo that does not show exactly one face.</summary>
public sealed class FaceEnrolmentException(string message) : Exception(message);
