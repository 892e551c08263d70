namespace RunbookRunner.Core.Runs.Deciding;

/// <summary>The stable codes of <see cref="DecisionError"/>.</summary>
public static class DecisionErrorCodes
{
    public const string NotAllowed = "not_allowed";
    public const string SelfApproval = "self_approval";
    public const string GateFailed = "gate_failed";
    public const string GatesPending = "gates_pending";
    public const string IllegalState = "illegal_state";
    public const string UnknownStep = "unknown_step";
    public const string AlreadyDecided = "already_decided";

    /// <summary>The approver's roles already have their count; the approval waits for other roles.</summary>
    public const string RoleQuotaMet = "role_quota_met";
}
