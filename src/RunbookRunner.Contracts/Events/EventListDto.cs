namespace RunbookRunner.Contracts.Events;

/// <summary>A slice of a run's journal; <see cref="Last"/> is the sequence to pass as <c>?after=</c> next.</summary>
public sealed record EventListDto(string RunId, IReadOnlyList<EventDto> Items, long Last, bool More);
