namespace RunbookRunner.Core.Runs.Events;

/// <summary>The run was created (state <c>scheduled</c>) for a launch at <paramref name="T0"/>.</summary>
public sealed record RunCreated(string RunbookName, DateTimeOffset T0, string? Environment, string StartedBy, bool Rehearsal) : RunEvent;
