namespace RunbookRunner.Core.Loading;

/// <summary>The keys each part of a runbook accepts (the language reference lists the same).</summary>
internal static class LanguageKeys
{
    public static readonly string[] Runbook =
        ["name", "title", "description", "timezone", "channel", "environments", "vars", "secrets", "roles", "defaults", "steps", "guards", "rollback"];

    public static readonly string[] Step =
        ["id", "title", "description", "at", "after", "action", "with", "approval", "gates", "manual", "wait", "timeout", "retry", "on_failure", "idempotent", "undo", "every", "until", "only"];

    public static readonly string[] RollbackForbidden = ["at", "after", "every", "until"];

    public static readonly string[] Approval = ["roles", "required", "forbid_self", "timeout", "escalate_after", "escalate_to", "on_timeout"];

    public static readonly string[] Manual = ["title", "instructions", "roles", "outcomes"];

    public static readonly string[] ActionCall = ["action", "with"];

    public static readonly string[] Retry = ["attempts", "backoff", "factor", "max_backoff"];

    public static readonly string[] Defaults = ["timeout", "retry", "on_failure"];

    public static readonly string[] Guard = ["id", "title", "from", "until", "every", "check", "then", "approval"];

    public static readonly string[] GuardCheck = ["url", "json_path", "above", "below", "expect_status", "for"];
}
