using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace RunbookRunner.Cli.Help;

/// <summary>
/// Prints this tool's version (the package version, without build metadata). The default action reads the entry
/// assembly, which is the test host when the CLI runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        (typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
         ?? "0.0.0").Split('+')[0];

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
