namespace GateController.Core.Access;

/// <summary>One credential presented at one reader.</summary>
/// <param name="ReaderId">Configured name of the reader, keypad or camera that produced it.</param>
/// <param name="Credential">What was presented.</param>
/// <param name="PresentedTimestamp">
/// <see cref="TimeProvider.GetTimestamp"/> at the moment the input was complete (last Wiegand edge, '#' key,
/// frame capture). Latency is measured from here to the relay write.
/// </param>
public sealed record AccessAttempt(string ReaderId, Credential Credential, long PresentedTimestamp)
{
    public AccessMethod Method => Credential.Method;

    /// <summary>The door this attempt asks to open, 1-based; readers, keypads and the camera map to doors.</summary>
    public int Door { get; init; } = 1;
}
