namespace RunbookRunner.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    Text,
    Json,
}
