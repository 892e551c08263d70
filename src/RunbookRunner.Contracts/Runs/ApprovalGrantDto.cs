namespace RunbookRunner.Contracts.Runs;

/// <summary>One yes: who, when, through what (<c>slack</c>, <c>api</c>, <c>cli</c>, <c>web</c>).</summary>
public sealed record ApprovalGrantDto(string By, DateTimeOffset At, string Source);
