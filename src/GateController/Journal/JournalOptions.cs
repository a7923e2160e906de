using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Journal;

/// <summary>Config section <c>Journal</c>: structured entries to journald over its native protocol.</summary>
public sealed class JournalOptions
{
    public const string Section = "Journal";

    /// <summary>systemd's native-protocol datagram socket (systemd-journald.socket).</summary>
    public const string DefaultSocketPath = "/run/systemd/journal/socket";

    public bool Enabled { get; set; } = true;

    /// <summary>When it does not exist (a laptop simulation) journal output is silently off.</summary>
    [Required]
    public string SocketPath { get; set; } = DefaultSocketPath;
}

[OptionsValidator]
public sealed partial class JournalOptionsValidator : IValidateOptions<JournalOptions>;
