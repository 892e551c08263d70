namespace RunbookRunner.Core.Runs.Events;

/// <summary>An undo action failed; the rollback pauses for a person.</summary>
/// <remarks>
/// With <paramref name="RetryAt"/> the item is tried again then (its step's <c>retry</c>); with <paramref name="Continued"/>
/// the rollback goes on without it (a rollback step with <c>on_failure: continue</c>); otherwise the run pauses.
/// </remarks>
public sealed record CompensationFailed(int Index, string StepId, string Error, DateTimeOffset? RetryAt = null, bool Continued = false) : RunEvent;
