using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Server.Dashboard;

/// <summary>The runs list and the start form.</summary>
public sealed record RunsPageModel(PageFrame Frame, IReadOnlyList<RunListItemDto> Runs, IReadOnlyList<RunbookSummary> Runbooks);
