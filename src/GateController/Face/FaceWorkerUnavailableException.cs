namespace GateController.Face;

/// <summary>The running camera worker cannot serve a request now (not started, busy, or gone); the message says which.</summary>
internal sealed class FaceWorkerUnavailableException(string message) : Exception(message);
