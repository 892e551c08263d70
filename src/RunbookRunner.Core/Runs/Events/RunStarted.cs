namespace RunbookRunner.Core.Runs.Events;

/// <summary>The run began advancing steps.</summary>
public sealed record RunStarted : RunEvent;
