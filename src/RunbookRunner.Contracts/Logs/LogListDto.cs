namespace RunbookRunner.Contracts.Logs;

/// <summary>Log lines, oldest first; pass <see cref="Last"/> as <c>?after=</c> for the next page.</summary>
public sealed record LogListDto(IReadOnlyList<LogLineDto> Items, long Last, bool More);
