namespace RunbookRunner.Core.Planning;

/// <summary>Where a step stands in a <see cref="RunForecast"/>.</summary>
public enum ForecastStatus
{
    /// <summary>Finished (or skipped) at a known time.</summary>
    Done,

    /// <summary>Started and not yet finished.</summary>
    Running,

    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Not started and skipped in the plan's environment.</summary>
    Skipped,
}
