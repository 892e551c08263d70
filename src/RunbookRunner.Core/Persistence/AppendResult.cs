namespace RunbookRunner.Core.Persistence;

/// <summary>The result of an append.</summary>
/// <param name="Outcome">Whether the batch was written.</param>
/// <param name="LastSequence">The run's last sequence after the call (unchanged for a duplicate command).</param>
public sealed record AppendResult(AppendOutcome Outcome, long LastSequence);
