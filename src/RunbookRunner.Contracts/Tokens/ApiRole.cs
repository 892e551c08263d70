namespace RunbookRunner.Contracts.Tokens;

/// <summary>What a token may do; each role includes the rights of the ones before it.</summary>
public enum ApiRole
{
    /// <summary>Reads runs, events, logs, runbooks, plans and the audit trail.</summary>
    Viewer,

    /// <summary>Also starts runs and controls them: pause, resume, abort, roll back, retry, skip, done.</summary>
    Operator,

    /// <summary>Also approves and rejects (under the runbook's roles, N of M and forbid_self).</summary>
    Approver,

    /// <summary>Everything, including tokens.</summary>
    Admin,
}
