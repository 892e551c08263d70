namespace RunbookRunner.Core.Narration;

/// <summary>
/// One event of a run as sent to a narration sink (console, Slack) through the outbox. Carries the
/// event itself plus a ready-made line of text, redacted, and the run's state after the event.
/// </summary>
public sealed record NarrationMessage
{
    public required string RunId { get; init; }

    public required long Sequence { get; init; }

    public required string EventType { get; init; }

    /// <summary>The event's data as journaled (JSON), for sinks that render richer messages.</summary>
    public required string EventJson { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The event's time in the runbook's zone with its T offset, e.g. "14:05:00 (T-5h55m)".</summary>
    public required string Clock { get; init; }

    /// <summary>One redacted line for people, e.g. "▶ backup started (attempt 1), 2m late".</summary>
    public required string Text { get; init; }

    public string? StepId { get; init; }

    public required string RunState { get; init; }

    public required string RunbookName { get; init; }

    public string? RunTitle { get; init; }

    /// <summary>Slack channel of the runbook, if it has one.</summary>
    public string? Channel { get; init; }

    public bool Rehearsal { get; init; }
}
