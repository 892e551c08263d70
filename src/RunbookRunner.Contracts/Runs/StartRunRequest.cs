namespace RunbookRunner.Contracts.Runs;

/// <summary>
/// <c>POST /api/runs</c>: start a run of a runbook named in the server's runbooks folder (<see cref="Runbook"/>)
/// or given inline (<see cref="Yaml"/>).
/// </summary>
public sealed record StartRunRequest
{
    /// <summary>A runbook name (file <c>NAME.yaml</c> in the server's runbooks folder, or its <c>name:</c>).</summary>
    public string? Runbook { get; init; }

    /// <summary>The runbook text itself; its diagnostics name <see cref="FileName"/>.</summary>
    public string? Yaml { get; init; }

    /// <summary>The file name shown in diagnostics of inline YAML (<c>launch-day.yaml</c>).</summary>
    public string? FileName { get; init; }

    /// <summary>
    /// Launch time: <c>now</c> (the default), ISO-8601 with an offset (<c>2026-06-01T09:00:00Z</c>), or without one
    /// (<c>2026-06-01T10:00</c>), read in the runbook's time zone.
    /// </summary>
    public string? T0 { get; init; }

    /// <summary>The runbook environment to use (<c>staging</c>, <c>production</c>).</summary>
    public string? Env { get; init; }

    /// <summary>
    /// Values replacing variables of the chosen environment (or of <c>vars</c>) for this run, e.g. a staging host.
    /// Only names the runbook declares; they are journaled, so never put a secret here.
    /// </summary>
    public Dictionary<string, string>? Vars { get; init; }

    /// <summary>Secret name → another source (<c>env:NAME</c> or <c>file:PATH</c> on the runner) for this run.</summary>
    public Dictionary<string, string>? Secrets { get; init; }

    /// <summary>Non-null for a rehearsal: actions are simulated.</summary>
    public RehearsalRequest? Rehearsal { get; init; }

    /// <summary>Idempotency key (the <c>Idempotency-Key</c> header wins): a retried request creates one run.</summary>
    public string? RequestId { get; init; }
}
