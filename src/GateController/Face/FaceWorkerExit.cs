namespace GateController.Face;

/// <summary>How one face process ended: the reason, a sentence for people, and when.</summary>
public sealed record FaceWorkerExit(FaceWorkerExitReason Reason, string Detail, DateTimeOffset At)
{
    /// <summary>Exits that another start cannot cure quickly: the state shows failed, not restarting.</summary>
    public bool IsStartFailure => Reason is FaceWorkerExitReason.NativeLibraryMissing or FaceWorkerExitReason.ModelsUnavailable or FaceWorkerExitReason.LaunchFailed;

    /// <summary>The camel-case name status uses.</summary>
    public string Name => JsonNamingPolicyName(Reason);

    public static string JsonNamingPolicyName(FaceWorkerExitReason reason) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());
}
