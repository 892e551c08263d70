using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Planning;

/// <summary>One step in a <see cref="RunForecast"/>: its planned and forecast (or actual) times.</summary>
public sealed record StepForecast
{
    public required string Id { get; init; }

    public required ForecastStatus Status { get; init; }

    public TimeAnchor? Anchor { get; init; }

    public required DateTimeOffset PlannedStart { get; init; }

    public required DateTimeOffset PlannedFinish { get; init; }

    /// <summary>Actual start when known, else the forecast.</summary>
    public required DateTimeOffset ForecastStart { get; init; }

    /// <summary>Actual finish when done, else the forecast.</summary>
    public required DateTimeOffset ForecastFinish { get; init; }

    /// <summary><see cref="ForecastStart"/> on the runbook's clock.</summary>
    public required ClockTime ClockTime { get; init; }

    /// <summary>
    /// How late the step is against the original plan: finish vs planned finish once done or running, start vs
    /// planned start while pending. Negative when early.
    /// </summary>
    public required TimeSpan Lateness { get; init; }
}
