namespace RunbookRunner.Core.Runs.Events;

/// <summary>One approver said yes.</summary>
public sealed record ApprovalGranted(string Target, string By, string Source) : RunEvent;
