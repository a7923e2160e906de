using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace GateController.Cli;

/// <summary>
/// <c>gatectl --version</c>: the version and the git commit it was built from. The SDK's source-link support puts
/// the commit in the informational version (<c>1.0.0+5fbef9f…</c>) when the build runs in a git checkout.
/// </summary>
internal sealed class VersionText : SynchronousCommandLineAction
{
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? $"gatectl {informational} (commit unknown: built outside a git checkout)"
            : $"gatectl {informational[..plus]} (commit {informational[(plus + 1)..]})";
    }

    /// <summary>Replaces the built-in version action, which prints the informational version as it is.</summary>
    public static void Use(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.OfType<VersionOption>().Single().Action = new VersionText();
    }

    public override int Invoke(ParseResult parseResult)
    {
        Console.WriteLine(Of(typeof(VersionText).Assembly));
        return ExitCodes.Success;
    }
}
