namespace RunbookRunner.Engine.Runs;

/// <summary>
/// How an input reached the engine: its idempotency key (a Slack retry or a double click is applied
/// once) and the audit action to record, allowed or denied.
/// </summary>
public sealed record SubmitContext
{
    public string? CommandKey { get; init; }

    /// <summary>Audit action name ("approve", "pause"); null for machine inputs that are not audited.</summary>
    public string? AuditAction { get; init; }

    public string? AuditDetail { get; init; }
}
