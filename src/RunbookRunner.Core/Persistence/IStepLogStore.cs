namespace RunbookRunner.Core.Persistence;

/// <summary>Output lines of step attempts (already redacted by the caller).</summary>
public interface IStepLogStore
{
    Task AppendLinesAsync(string runId, string stepId, int attempt, IReadOnlyList<string> lines, CancellationToken cancellationToken = default);

    /// <summary>Lines of a run (or of one step) with id greater than <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<StepLogLine>> ReadAsync(string runId, string? stepId = null, long afterId = 0, int limit = 1000, CancellationToken cancellationToken = default);
}
