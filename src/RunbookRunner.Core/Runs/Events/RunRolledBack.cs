namespace RunbookRunner.Core.Runs.Events;

/// <summary>Every compensation has run.</summary>
public sealed record RunRolledBack : RunEvent;
