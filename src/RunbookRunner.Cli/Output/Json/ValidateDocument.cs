namespace RunbookRunner.Cli.Output.Json;

/// <summary>The output of <c>runbook validate --format json</c>.</summary>
internal sealed record ValidateDocument(IReadOnlyList<ValidatedFileDocument> Files);
