namespace RunbookRunner.Contracts.Runs;

/// <summary>One step of a run. Outputs and errors are redacted: secrets appear as <c>***</c>.</summary>
public sealed record RunStepDto
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    /// <summary><c>action</c>, <c>approval</c>, <c>manual</c> or <c>wait</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>See <see cref="StepStates"/>.</summary>
    public required string State { get; init; }

    /// <summary>True for a manual task a person may mark failed (<c>outcomes: [done, failed]</c>).</summary>
    public bool CanFail { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When a waiting step may start (anchor, retry backoff, wait end).</summary>
    public DateTimeOffset? WaitingUntil { get; init; }

    public string? Summary { get; init; }

    public string? Error { get; init; }

    public string? DoneBy { get; init; }

    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
}
