namespace RunbookRunner.Core.Persistence;

/// <summary>The result of creating a run.</summary>
/// <param name="Outcome"><see cref="AppendOutcome.Appended"/> when created, <see cref="AppendOutcome.DuplicateCommand"/> when the command key was used before.</param>
/// <param name="RunId">The new run, or for a duplicate command the run the earlier command created or touched.</param>
/// <param name="LastSequence">The run's last sequence.</param>
public sealed record CreateRunResult(AppendOutcome Outcome, string RunId, long LastSequence);
