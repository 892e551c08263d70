namespace RunbookRunner.Core.Runs.Events;

/// <summary>A per-role count of an approval request, with the role's people when it was requested.</summary>
public sealed record RoleQuota(string Role, int Count, IReadOnlyList<string> Members);
