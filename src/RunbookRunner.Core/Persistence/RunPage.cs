namespace RunbookRunner.Core.Persistence;

/// <summary>One page of runs; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record RunPage(IReadOnlyList<RunListItem> Items, string? NextCursor);
