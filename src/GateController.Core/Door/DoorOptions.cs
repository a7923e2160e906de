using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Core.Door;

/// <summary>
/// The timing of one door (<c>Door</c> for door 1, <c>Door2</c> for the second door or barrier). Its relay
/// and inputs are hardware options of their own (<c>Relay</c>, <c>Door:Contact</c>, …).
/// </summary>
public sealed class DoorOptions
{
    public const string Section = "Door";

    /// <summary>Typical strike/maglock release time for a pedestrian gate.</summary>
    public static readonly TimeSpan DefaultHoldOpenDuration = TimeSpan.FromSeconds(3);

    /// <summary>Long enough to walk a pram through; commercial panels default to 30-60 s.</summary>
    public static readonly TimeSpan DefaultHeldOpenAlarmAfter = TimeSpan.FromSeconds(30);

    /// <summary>Nobody holds an exit button for two minutes: it is stuck, wedged or shorted.</summary>
    public static readonly TimeSpan DefaultExitStuckAfter = TimeSpan.FromMinutes(2);

    /// <summary>How often a failed relay write is tried again.</summary>
    public static readonly TimeSpan RelayRetryInterval = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:00:30", ErrorMessage = "HoldOpenDuration must be between 00:00:01 and 00:00:30 (the relay pulse).")]
    public TimeSpan HoldOpenDuration { get; set; } = DefaultHoldOpenDuration;

    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "HeldOpenAlarmAfter must be between 00:00:05 and 01:00:00.")]
    public TimeSpan HeldOpenAlarmAfter { get; set; } = DefaultHeldOpenAlarmAfter;

    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "ExitStuckAfter must be between 00:00:10 and 01:00:00.")]
    public TimeSpan ExitStuckAfter { get; set; } = DefaultExitStuckAfter;

    /// <summary>Whether the request-to-exit button unlocks (it is always logged); off for a door with a mechanical exit.</summary>
    public bool ExitUnlocks { get; set; } = true;

    /// <summary>Ids of the readers, keypads and the camera (<c>camera</c>) on this door; door 1 takes every one not listed elsewhere.</summary>
    public List<string> Readers { get; } = [];
}

[OptionsValidator]
public sealed partial class DoorOptionsValidator : IValidateOptions<DoorOptions>;
