using System.Diagnostics.CodeAnalysis;
using GateController.Hardware.Feedback;

namespace GateController.Readers;

/// <summary>
/// Fills <see cref="AccessPointOptions"/> from <c>Readers[]</c> and <c>Keypads[]</c> entry by entry: the
/// <c>Kind</c> picks the driver's options class, and a value that does not bind becomes one of
/// <see cref="AccessPointOptions.BindingProblems"/> under the entry's key instead of stopping the start.
/// </summary>
internal sealed class AccessPointBinder(AccessPointOptions options)
{
    public void Bind(IConfiguration configuration)
    {
        foreach (var section in configuration.GetSection(AccessPointOptions.ReadersSection).GetChildren())
        {
            BindReader(section);
        }

        foreach (var section in configuration.GetSection(AccessPointOptions.KeypadsSection).GetChildren())
        {
            BindKeypad(section);
        }
    }

    private void BindReader(IConfigurationSection section)
    {
        var kind = section["Kind"] ?? AccessPointOptions.WiegandKind;
        if (kind == AccessPointOptions.EvdevKind)
        {
            BindDevice(options.EvdevReaders, section, kind, o => o.Id);
        }
        else if (kind == AccessPointOptions.NfcKind)
        {
            BindDevice(options.NfcReaders, section, kind, o => o.Id);
        }
        else if (TryBind(section, WiegandEntryBinding.Bind, out var wiegand))
        {
            options.Readers.Add(new ConfiguredReader(section.Path, kind, wiegand, null));
            BindFeedback(section, wiegand.KeypadId is { } keypadId && keypadId != wiegand.Id ? [wiegand.Id, keypadId] : [wiegand.Id]);
        }
    }

    /// <summary>A keypad without a known <c>Kind</c> binds as Wiegand, so that the validator can name the kind.</summary>
    private void BindKeypad(IConfigurationSection section)
    {
        var kind = section["Kind"] ?? "";
        if (kind == AccessPointOptions.EvdevKind)
        {
            BindDevice(options.EvdevKeypads, section, kind, o => o.Id);
        }
        else if (kind == AccessPointOptions.MatrixKind)
        {
            BindDevice(options.MatrixKeypads, section, kind, o => o.Id);
        }
        else if (TryBind(section, WiegandEntryBinding.Bind, out var wiegand))
        {
            var keypad = WiegandEntryBinding.AsKeypad(wiegand, kind);
            options.Keypads.Add(new ConfiguredReader(section.Path, kind, keypad, section["Reader"]));
            BindFeedback(section, [keypad.Id]);
        }
    }

    private void BindDevice<TOptions>(List<ConfiguredDevice<TOptions>> devices, IConfigurationSection section, string kind, Func<TOptions, string> id)
        where TOptions : class, new()
    {
        if (TryBind(section, Get<TOptions>, out var bound))
        {
            devices.Add(new ConfiguredDevice<TOptions>(section.Path, kind, id(bound), bound, section["Reader"]));
            BindFeedback(section, [id(bound)]);
        }
    }

    private void BindFeedback(IConfigurationSection entry, string[] readerIds)
    {
        var section = entry.GetSection(AccessPointOptions.FeedbackKey);
        if (section.Exists() && TryBind(section, Get<FeedbackOptions>, out var feedback))
        {
            options.Feedback.Add(new ConfiguredFeedback(section.Path, readerIds, feedback));
        }
    }

    private bool TryBind<TOptions>(IConfigurationSection section, Func<IConfigurationSection, TOptions> bind, [NotNullWhen(true)] out TOptions? bound)
        where TOptions : class
    {
        try
        {
            bound = bind(section);
            return true;
        }
        catch (InvalidOperationException exception)
        {
            options.BindingProblems.Add($"{section.Path}: {exception.InnerException?.Message ?? exception.Message}");
            bound = null;
            return false;
        }
    }

    private static TOptions Get<TOptions>(IConfigurationSection section)
        where TOptions : class, new() => section.Get<TOptions>() ?? new TOptions();
}
