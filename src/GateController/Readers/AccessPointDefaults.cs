namespace GateController.Readers;

/// <summary>The one rule for when a simulation gets its default reader and keypad.</summary>
internal static class AccessPointDefaults
{
    public static void Apply(AccessPointOptions options, bool simulate)
    {
        if (simulate && options.ReaderCount == 0 && options.KeypadCount == 0 && options.BindingProblems.Count == 0)
        {
            options.AddSimulationDefaults();
        }
    }

    /// <summary>The readers and keypads the daemon will run, read straight from configuration.</summary>
    public static AccessPointOptions Resolve(IConfiguration configuration, bool simulate)
    {
        var options = new AccessPointOptions();
        options.Bind(configuration);
        Apply(options, simulate);
        return options;
    }
}
