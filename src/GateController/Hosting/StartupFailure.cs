using GateController.Configuration;
using GateController.Storage.Keys;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

/// <summary>Recognises the failures that mean "fix the configuration", so they are reported as one clear line each.</summary>
internal static class StartupFailure
{
    public static bool IsConfigurationError(Exception exception) => Unwrap(exception) is
        DaemonStartException or ConfigurationProblemsException or OptionsValidationException or InvalidDataException or FormatException or
        StoreKeyException or GateController.Storage.Store.StoreIntegrityException;

    public static IReadOnlyList<string> Describe(Exception exception) => Unwrap(exception) switch
    {
        ConfigurationProblemsException problems => problems.Problems,
        OptionsValidationException validation => [.. validation.Failures],
        // A config file that is not JSON: the parser's message says where ("LineNumber: 2 | BytePositionInLine: 0").
        InvalidDataException { InnerException: not null } invalid => [string.Join(' ', Chain(invalid).Select(e => e.Message))],
        var inner => [inner.Message],
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? link = exception; link is not null; link = link.InnerException)
        {
            yield return link;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }
}
