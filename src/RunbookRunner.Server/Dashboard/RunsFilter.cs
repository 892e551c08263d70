using Microsoft.AspNetCore.WebUtilities;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Server.Dashboard;

/// <summary>
/// The runs list's filters and page size as the query string carries them (<c>state</c>, <c>runbook</c>, <c>limit</c>),
/// so a filtered page can be linked, reloaded and paged.
/// </summary>
/// <param name="State"><c>active</c>, <c>paused</c> or <c>finished</c>; null for every run.</param>
/// <param name="Runbook">A runbook name; null for every runbook.</param>
/// <param name="Limit">Runs per page.</param>
public sealed record RunsFilter(string? State, string? Runbook, int Limit)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    /// <summary>The state choices a war room asks for: what is moving, what waits for a person, what is over.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StateChoices { get; } =
    [
        new("active", "Active (scheduled, running, rolling back)"),
        new("paused", "Paused (needs a person)"),
        new("finished", "Finished"),
    ];

    /// <summary>The filter from query values; unknown states and blank names mean "all".</summary>
    public static RunsFilter From(string? state, string? runbook, int? limit) => new(
        StateChoices.Any(c => c.Key == state) ? state : null,
        string.IsNullOrWhiteSpace(runbook) ? null : runbook.Trim(),
        Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit));

    public bool IsFiltered => State is not null || Runbook is not null;

    /// <summary>The store query for one page: older than <paramref name="cursor"/>, or newer than <paramref name="newer"/>.</summary>
    public RunQuery Query(string? cursor, string? newer) => new()
    {
        States = State switch
        {
            "active" => [RunStates.Scheduled, RunStates.Running, RunStates.RollingBack],
            "paused" => [RunStates.Paused],
            _ => [],
        },
        Unfinished = State == "finished" ? false : null,
        RunbookName = Runbook,
        Cursor = cursor,
        NewerThan = newer,
        PageSize = Limit,
    };

    /// <summary>This filter's <c>/runs</c> link, at the newest page or at a cursor.</summary>
    public string Url(string? cursor = null, string? newer = null)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["state"] = State,
            ["runbook"] = Runbook,
            ["limit"] = Limit == DefaultLimit ? null : Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cursor"] = cursor,
            ["newer"] = newer,
        };
        return QueryHelpers.AddQueryString("/runs", query.Where(p => p.Value is not null));
    }
}
