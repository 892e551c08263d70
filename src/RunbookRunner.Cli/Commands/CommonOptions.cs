using System.CommandLine;
using RunbookRunner.Cli.Output;

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

    public static OutputFormat ParseFormat(string? value) =>
        string.Equals(value, "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;
}
