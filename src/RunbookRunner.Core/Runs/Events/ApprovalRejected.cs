namespace RunbookRunner.Core.Runs.Events;

/// <summary>An approver said no; the step fails with its on_failure policy (a guard is dismissed).</summary>
public sealed record ApprovalRejected(string Target, string By, string Source, string? Reason) : RunEvent;
