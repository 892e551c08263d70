namespace RunbookRunner.Core.Persistence;

/// <summary>An unfinished run as recovery sees it: its state and the read model's step summary.</summary>
public sealed record UnfinishedRun(string Id, string State, string SummaryJson);
