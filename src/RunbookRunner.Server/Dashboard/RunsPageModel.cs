using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Server.Dashboard;

/// <summary>The runs list (one page of it, filtered) and the start form.</summary>
public sealed record RunsPageModel(PageFrame Frame, IReadOnlyList<RunListItemDto> Runs, IReadOnlyList<RunbookSummary> Runbooks)
{
    public RunsFilter Filter { get; init; } = RunsFilter.From(null, null, null);

    /// <summary>The next page of older runs; null on the last page.</summary>
    public string? OlderUrl { get; init; }

    /// <summary>The page of newer runs; null on the newest page.</summary>
    public string? NewerUrl { get; init; }

    /// <summary>The time zone of each runbook in the folder (by name), to show a run's T0 on its runbook's clock.</summary>
    public string? TimeZoneOf(string runbook) => Runbooks.FirstOrDefault(r => r.Name == runbook)?.TimeZone;
}
