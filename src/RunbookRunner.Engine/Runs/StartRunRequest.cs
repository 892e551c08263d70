using RunbookRunner.Core.Runs.Settings;
using RunbookRunner.Engine.Execution;

namespace RunbookRunner.Engine.Runs;

/// <summary>What it takes to start a run: the runbook text (snapshotted into the run), T0, environment, who.</summary>
public sealed record StartRunRequest
{
    public required string RunbookYaml { get; init; }

    /// <summary>Where the runbook came from, for diagnostics (<c>runbooks/launch-day.yaml</c>).</summary>
    public string? SourcePath { get; init; }

    public required DateTimeOffset T0 { get; init; }

    public string? Environment { get; init; }

    public required string StartedBy { get; init; }

    /// <summary>The channel the request came through (cli, api, slack, web).</summary>
    public string Source { get; init; } = "api";

    /// <summary>Non-null for a rehearsal: actions are simulated.</summary>
    public RehearsalSettings? Rehearsal { get; init; }

    /// <summary>Variable and secret-source replacements and the working directory for shell steps.</summary>
    public RunSettings? Settings { get; init; }

    /// <summary>Idempotency key of the request (a retried POST creates one run).</summary>
    public string? RequestId { get; init; }
}
