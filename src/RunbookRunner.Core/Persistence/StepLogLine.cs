namespace RunbookRunner.Core.Persistence;

/// <summary>One stored output line of a step attempt. Ids grow in write order (use them as a read cursor).</summary>
public sealed record StepLogLine(long Id, string RunId, string StepId, int Attempt, DateTimeOffset At, string Text);
