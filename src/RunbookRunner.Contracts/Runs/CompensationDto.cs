namespace RunbookRunner.Contracts.Runs;

/// <summary>One undo action: the undo of a step, or a step of the runbook's <c>rollback:</c> list.</summary>
/// <param name="Step">The step undone (or the rollback step).</param>
/// <param name="IsRollbackStep">True for a step of the <c>rollback:</c> list.</param>
/// <param name="State"><c>pending</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Attempts">Attempts started.</param>
/// <param name="Error">The last error (redacted).</param>
public sealed record CompensationDto(string Step, bool IsRollbackStep, string State, int Attempts, string? Error);
