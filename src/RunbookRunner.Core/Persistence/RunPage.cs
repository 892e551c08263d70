namespace RunbookRunner.Core.Persistence;

/// <summary>One page of runs; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record RunPage(IReadOnlyList<RunListItem> Items, string? NextCursor)
{
    /// <summary>
    /// Where newer runs start, for <see cref="RunQuery.NewerThan"/>: null on the first page (a page asked without a
    /// cursor, or a page back that reached the newest run).
    /// </summary>
    public string? PreviousCursor { get; init; }
}
