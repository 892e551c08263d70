namespace RunbookRunner.Core.Runs.Commands;

/// <summary>Feed a Tick at <paramref name="At"/> (replacing any earlier wake of this run); null means no timer is needed.</summary>
public sealed record ScheduleWake(DateTimeOffset? At) : RunCommand;
