namespace RunbookRunner.Core.Runs.Events;

/// <summary>Nobody approved in time: the escalation roles are called.</summary>
public sealed record ApprovalEscalated(string Target, IReadOnlyList<string> Roles, IReadOnlyList<string> Users) : RunEvent;
