namespace RunbookRunner.Contracts.Runbooks;

/// <summary>When a guard of the plan watches, and what it does when it trips.</summary>
public sealed record PlanGuardDto(string Id, string From, DateTimeOffset ActiveFrom, DateTimeOffset? ActiveUntil, string Then, bool RequiresApproval);
