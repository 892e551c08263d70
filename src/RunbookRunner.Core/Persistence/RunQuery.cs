namespace RunbookRunner.Core.Persistence;

/// <summary>A page request for runs, newest first. Filters combine with AND.</summary>
public sealed record RunQuery
{
    /// <summary>Only runs in one of these states (wire form); empty for all.</summary>
    public IReadOnlyList<string> States { get; init; } = [];

    public string? RunbookName { get; init; }

    /// <summary>Only unfinished (true) or finished (false) runs; null for both.</summary>
    public bool? Unfinished { get; init; }

    /// <summary>The <see cref="RunPage.NextCursor"/> of the previous page; null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>
    /// The <see cref="RunPage.PreviousCursor"/> of a later page: asks for the page of runs just newer than it (still
    /// newest first), to page back. Not with <see cref="Cursor"/>.
    /// </summary>
    public string? NewerThan { get; init; }

    /// <summary>1 to 500.</summary>
    public int PageSize { get; init; } = 50;
}
