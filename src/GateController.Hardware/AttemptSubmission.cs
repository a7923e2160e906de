using GateController.Core.Access;

namespace GateController.Hardware;

/// <summary>
/// Hands an attempt from a reader or keypad to the decision engine, so that a failing engine is logged
/// and never takes the caller down: the GPIO event thread, a scan timer, an evdev or NFC loop.
/// Shared by every driver; each passes its own logging callback, cached once, so a submission allocates
/// nothing beyond the engine's own task and continuation.
/// </summary>
internal static class AttemptSubmission
{
    /// <param name="submit">The engine's <c>SubmitAsync</c>.</param>
    /// <param name="attempt">The attempt.</param>
    /// <param name="onFailure">Logs a failed submission: thrown at once, or the returned task faulted.</param>
    public static void Submit(Func<AccessAttempt, Task> submit, AccessAttempt attempt, Action<Exception> onFailure)
    {
        Task submitted;
        try
        {
            submitted = submit(attempt);
        }
#pragma warning disable CA1031 // A failing engine must not take the reader's thread or timer down with it; the failure is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            onFailure(exception);
            return;
        }

        submitted.ContinueWith(
            static (task, state) => ((Action<Exception>)state!)(task.Exception!),
            onFailure,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
