using System.CommandLine;
using RunbookRunner.Cli.Output;
using RunbookRunner.Core.Runs.Settings;

namespace RunbookRunner.Cli.Commands;

/// <summary>Options shared by several commands, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--format text|json</c> (text by default).</summary>
    public static Option<string> Format(params string[] extra)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong(["text", "json", .. extra]);
        return option;
    }

    /// <summary><c>--var NAME=VALUE</c>, repeatable: replaces an environment variable (or <c>vars.NAME</c>) for this run.</summary>
    public static Option<string[]> Vars() => new("--var")
    {
        Description = "Replace a variable of the environment (or vars.NAME) for this run, e.g. app_url=https://staging2.example. Repeatable.",
        HelpName = "NAME=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--secret NAME=env:VAR|file:PATH</c>, repeatable: another source for a secret in this run.</summary>
    public static Option<string[]> Secrets() => new("--secret")
    {
        Description = "Read a secret from another source for this run: NAME=env:VARIABLE or NAME=file:PATH (the value itself is never passed). Repeatable.",
        HelpName = "NAME=SOURCE",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The <c>--var</c> and <c>--secret</c> pairs, or the reasons they are malformed.</summary>
    public static (Dictionary<string, string> Vars, Dictionary<string, string> Secrets, List<string> Errors) ParseOverrides(ParseResult parseResult, Option<string[]> vars, Option<string[]> secrets)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var errors = new List<string>();
        var values = RunSettings.ParsePairs(parseResult.GetValue(vars) ?? [], "--var", errors);
        var sources = RunSettings.ParsePairs(parseResult.GetValue(secrets) ?? [], "--secret", errors);
        return (values, sources, errors);
    }

    public static OutputFormat ParseFormat(string? value) =>
        string.Equals(value, "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;
}
