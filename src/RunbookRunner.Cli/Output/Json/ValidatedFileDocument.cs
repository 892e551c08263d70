namespace RunbookRunner.Cli.Output.Json;

/// <summary>One file of <c>runbook validate --format json</c>; <see cref="Steps"/> is null when nothing could be loaded.</summary>
internal sealed record ValidatedFileDocument(string Path, bool Ok, int? Steps, IReadOnlyList<DiagnosticDocument> Diagnostics);
