namespace GateController.Hosting;

/// <summary>A problem with the command line or configuration that stops start-up; its message is shown as it is.</summary>
internal sealed class DaemonStartException(string message) : Exception(message);
