using GateController.Core.Health;

namespace GateController.Readers;

/// <summary>
/// Watches the read loop of an evdev or NFC device. A loop that dies of something its driver did not
/// expect is reported failed and logged; it never takes the daemon, and with it the other readers, down.
/// </summary>
/// <param name="logger">The device host's logger, so that event 4204 keeps the host's category.</param>
internal sealed class DeviceLoopSupervisor(ReaderDeviceRegistry registry, ILogger logger)
{
    public async Task Supervise(string id, string kind, Task run)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The bindings under the NFC loop throw bare Exceptions; one dead device must not stop the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DeviceFailed(logger, kind, id, exception);
            registry.Replace(id, kind, HealthState.Failed, $"stopped: {exception.Message}");
        }
    }
}
