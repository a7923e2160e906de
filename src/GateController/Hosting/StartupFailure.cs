using GateController.Storage.Keys;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

/// <summary>Recognises the failures that mean "fix the configuration", so they are reported as one clear line.</summary>
internal static class StartupFailure
{
    public static bool IsConfigurationError(Exception exception) => Unwrap(exception) is
        DaemonStartException or OptionsValidationException or InvalidDataException or FormatException or StoreKeyException or
        GateController.Storage.Store.StoreIntegrityException;

    public static string Describe(Exception exception) => Unwrap(exception) switch
    {
        OptionsValidationException validation => string.Join("; ", validation.Failures),
        var inner => inner.Message,
    };

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }
}
