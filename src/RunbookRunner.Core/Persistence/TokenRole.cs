namespace RunbookRunner.Core.Persistence;

/// <summary>API token roles, each including the rights of the ones before it.</summary>
public enum TokenRole
{
    /// <summary>Reads runs, events, reports.</summary>
    Viewer,

    /// <summary>Starts and controls runs (pause, resume, retry, skip, abort, rollback).</summary>
    Operator,

    /// <summary>Also approves and rejects steps (as the token's Slack user, for role checks).</summary>
    Approver,

    /// <summary>Everything, including tokens.</summary>
    Admin,
}
