namespace RunbookRunner.Contracts.Runs;

/// <summary>A no, with its reason.</summary>
public sealed record ApprovalRejectionDto(string By, DateTimeOffset At, string Source, string? Reason);
