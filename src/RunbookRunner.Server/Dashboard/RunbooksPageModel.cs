namespace RunbookRunner.Server.Dashboard;

/// <summary>The runbooks folder, validated.</summary>
public sealed record RunbooksPageModel(PageFrame Frame, IReadOnlyList<RunbookSummary> Runbooks);
