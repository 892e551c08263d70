namespace RunbookRunner.Core.Runs.Events;

/// <summary>Approval is needed for a step (target = step id) or a guard (target = <c>guard:ID</c>).</summary>
public sealed record ApprovalRequested(string Target, IReadOnlyList<string> Eligible, int Required, DateTimeOffset? TimeoutAt, DateTimeOffset? EscalateAt) : RunEvent;
