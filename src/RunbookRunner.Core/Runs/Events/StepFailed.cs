namespace RunbookRunner.Core.Runs.Events;

/// <summary>
/// An attempt failed; with <paramref name="RetryAt"/> another attempt follows then; <paramref name="Tolerated"/> when on_failure
/// is continue. <paramref name="By"/> and <paramref name="Source"/> name the person who marked a manual task failed.
/// </summary>
public sealed record StepFailed(string StepId, int Attempt, string Error, DateTimeOffset? RetryAt = null, bool Tolerated = false, string? By = null, string? Source = null) : RunEvent;
