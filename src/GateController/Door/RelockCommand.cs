using System.Device.Gpio;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Door;

/// <summary>
/// <c>gate-controller relock [--config FILE] [--set K=V]... [--simulate]</c>: the unit's <c>ExecStopPost=</c>. After the
/// daemon has ended, however it ended (a crash, SIGKILL, the watchdog), it reads the same configuration and drives every
/// door's relay line to its locked level (<c>Relay:LockType</c>, <c>Relay:ActiveLevel</c>), then exits. The daemon's own
/// shutdown locks too, but a killed daemon runs no shutdown code. Only the relay keys are needed: a mistake in any
/// other section does not stop the relock.
/// </summary>
internal static class RelockCommand
{
    public const string Name = "relock";

    /// <returns>The exit code when <paramref name="args"/> name the relock, else null.</returns>
    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        DoorsOptions doors;
        bool simulate;
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddGateConfiguration(DaemonArguments.Parse(args[1..]));
            simulate = configuration.GetValue<bool>($"{DaemonOptions.Section}:{nameof(DaemonOptions.Simulate)}");
            doors = new DoorsOptions();
            DoorConfiguration.Bind(doors, configuration, simulate);
        }
        catch (Exception exception) when (exception is DaemonStartException or InvalidDataException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"gate-controller relock: {exception.Message}");
            return ExitCodes.Configuration;
        }

        // On the device System.Device.Gpio picks libgpiod; the simulated chip only proves the command runs.
        using var gpio = simulate ? new GpioController(new SimulatedGpioDriver(TimeProvider.System)) : new GpioController();
        return Relock(gpio, doors, Console.Out, Console.Error);
    }

    /// <summary>Drives each door's relay to its locked level; 1 when a line could not be driven, 78 when a relay key is wrong.</summary>
    internal static int Relock(GpioController gpio, DoorsOptions doors, TextWriter output, TextWriter error)
    {
        var problems = new DoorsOptionsValidator().Validate(null, doors).Failures ?? [];
        var exit = ExitCodes.Success;
        foreach (var door in doors.Doors)
        {
            var relayProblems = problems.Where(p => p.StartsWith(door.RelaySection + ":", StringComparison.Ordinal)).ToList();
            if (relayProblems.Count > 0)
            {
                error.WriteLine($"gate-controller relock: door {door.Number} not relocked, its relay keys are wrong: {string.Join("; ", relayProblems)}");
                exit = ExitCodes.Configuration;
                continue;
            }

            try
            {
                // Requesting the line as an output at its locked level is the relock; the write repeats it for a driver that ignores the initial value.
                new GpioRelayOutput(gpio, door.Relay, NullLogger<GpioRelayOutput>.Instance).Drive(unlocked: false);
                output.WriteLine($"door {door.Number}: relay line {door.Relay.Pin} driven {(door.Relay.LockedLevel == PinValue.High ? "high" : "low")} (locked, {door.Relay.LockType}, active {door.Relay.ActiveLevel})");
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
            {
                error.WriteLine($"gate-controller relock: door {door.Number}: relay line {door.Relay.Pin} could not be driven locked: {exception.Message}");
                exit = exit == ExitCodes.Success ? ExitCodes.Failure : exit;
            }
        }

        return exit;
    }
}
