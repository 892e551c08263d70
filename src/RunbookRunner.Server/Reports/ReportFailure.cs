namespace RunbookRunner.Server.Reports;

/// <summary>A failed attempt of a step, and what followed it.</summary>
public sealed record ReportFailure
{
    public required string StepId { get; init; }

    public required int Attempt { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The error's first line (redacted when journaled).</summary>
    public required string Error { get; init; }

    /// <summary>When the engine's retry policy tried again, if it did.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>on_failure was continue: the run went on.</summary>
    public bool Tolerated { get; init; }
}
