using Microsoft.Extensions.Options;

namespace GateController.Configuration;

/// <summary>
/// The configuration check start-up runs before it builds the host: the schema (<see cref="ConfigurationCheck"/>),
/// then every options validator registered to run at start, in a service provider of its own that is thrown away.
/// Building the host already prepares the admin socket (Kestrel's options are read when the app is built), so a
/// bad value found here has created nothing: no key, no store, no socket. The host runs the validators again
/// when it starts, and they pass.
/// </summary>
internal static class StartupConfigurationCheck
{
    /// <exception cref="ConfigurationProblemsException">One keyed message per problem.</exception>
    public static void CheckConfigurationFirst(this WebApplicationBuilder builder)
    {
        var schemaProblems = ConfigurationCheck.Run(builder.Configuration);
        var problems = schemaProblems.Select(p => p.Message).ToList();
        // A value the binder cannot convert would throw from its options; unknown keys and kinds bind harmlessly,
        // so all of their problems are told at once. A validator's message about a key already reported is left out.
        if (!schemaProblems.Any(p => p.BreaksBinding))
        {
            problems.AddRange(ValidatorFailures(builder)
                .Where(f => !schemaProblems.Any(p => f.Key.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)))
                .Select(f => f.Message));
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationProblemsException([.. problems.Distinct(StringComparer.Ordinal)]);
        }
    }

    /// <remarks>One options class's failure can surface twice (the readers' validator reads the doors' options); the caller removes repeats.</remarks>
    private static List<(string Key, string Message)> ValidatorFailures(WebApplicationBuilder builder)
    {
        // ASP0000 warns that a second provider copies singletons: only options are resolved from this one, then it is disposed.
#pragma warning disable ASP0000
        using var services = builder.Services.BuildServiceProvider();
#pragma warning restore ASP0000
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (Exception exception) when (exception is OptionsValidationException or AggregateException)
        {
            var failures = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
            if (failures.Any(f => f is not OptionsValidationException))
            {
                throw;
            }

            return [.. failures.Cast<OptionsValidationException>().SelectMany(f => KeyedOptionsFailures.Describe(f, builder.Configuration))];
        }
    }
}
