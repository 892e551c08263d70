namespace RunbookRunner.Core.Planning;

/// <summary>What actually happened to a step so far: when it started and, once done (or skipped), when it finished.</summary>
public sealed record StepActual(DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static StepActual Running(DateTimeOffset startedAt) => new(startedAt, null);

    public static StepActual Finished(DateTimeOffset finishedAt) => new(null, finishedAt);

    public static StepActual Finished(DateTimeOffset startedAt, DateTimeOffset finishedAt) => new(startedAt, finishedAt);
}
