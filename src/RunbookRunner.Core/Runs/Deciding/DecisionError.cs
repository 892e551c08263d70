namespace RunbookRunner.Core.Runs.Deciding;

/// <summary>
/// Why an input was refused: an illegal transition or a person not allowed. <see cref="Code"/> is
/// stable (<c>not_allowed</c>, <c>self_approval</c>, <c>gate_failed</c>, <c>illegal_state</c>, ...).
/// </summary>
public sealed record DecisionError(string Code, string Message)
{
    /// <summary>True when a person was refused (audited as a denied attempt), not a plain conflict.</summary>
    public bool IsPermissionDenial => Code is DecisionErrorCodes.NotAllowed or DecisionErrorCodes.SelfApproval;
}
