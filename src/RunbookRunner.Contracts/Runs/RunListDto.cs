namespace RunbookRunner.Contracts.Runs;

/// <summary>A page of runs, newest first. Pass <see cref="NextCursor"/> as <c>?cursor=</c> for the next page; null on the last.</summary>
public sealed record RunListDto(IReadOnlyList<RunListItemDto> Items, string? NextCursor);
