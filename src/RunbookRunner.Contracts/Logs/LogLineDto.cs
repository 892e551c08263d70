namespace RunbookRunner.Contracts.Logs;

/// <summary>One output line of a step attempt (redacted).</summary>
public sealed record LogLineDto(long Id, string Step, int Attempt, DateTimeOffset At, string Text);
