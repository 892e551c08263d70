namespace RunbookRunner.Cli.Output.Json;

/// <summary>A recurring step's occurrences in JSON; <see cref="Occurrences"/> is null when it recurs until the run ends.</summary>
internal sealed record RecurrenceDocument(string Every, string? Until, string FirstOccurrence, int? Occurrences, string? LastOccurrence);
