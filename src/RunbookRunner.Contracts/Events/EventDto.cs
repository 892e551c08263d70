using System.Text.Json;

namespace RunbookRunner.Contracts.Events;

/// <summary>One journal event of a run: its sequence, type (<c>StepStarted</c>), data (redacted) and one line of narration.</summary>
public sealed record EventDto
{
    public required long Sequence { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset At { get; init; }

    public required JsonElement Data { get; init; }

    public required string Text { get; init; }
}
