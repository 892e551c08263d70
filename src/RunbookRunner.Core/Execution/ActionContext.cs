using RunbookRunner.Core.Model;

namespace RunbookRunner.Core.Execution;

/// <summary>Everything an action needs for one attempt. <see cref="Parameters"/> are already substituted.</summary>
public sealed record ActionContext
{
    public required string RunId { get; init; }

    public required string StepId { get; init; }

    public required int Attempt { get; init; }

    public required MapValue Parameters { get; init; }

    /// <summary>Lines written here are streamed to the run (API, narration thread, report), redacted.</summary>
    public required IStepLog Log { get; init; }

    /// <summary>Public URL of this run (for deployment statuses, links), when the server knows its URL.</summary>
    public string? RunUrl { get; init; }

    public string? Environment { get; init; }

    /// <summary>The run's working directory (normally the runbook file's): where relative paths of shell steps start.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary><c>run/step/attempt</c>: the same key for a retry of the same attempt after a crash.</summary>
    public string IdempotencyKey => $"{RunId}/{StepId}/{Attempt}";
}
