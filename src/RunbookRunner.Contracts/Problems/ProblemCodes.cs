namespace RunbookRunner.Contracts.Problems;

/// <summary>Stable error codes in <see cref="ProblemDto.Code"/>; the decision codes are the engine's own.</summary>
public static class ProblemCodes
{
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string NotAllowed = "not_allowed";
    public const string SelfApproval = "self_approval";
    public const string IllegalState = "illegal_state";
    public const string GateFailed = "gate_failed";
    public const string GatesPending = "gates_pending";
    public const string AlreadyDecided = "already_decided";
    public const string RoleQuotaMet = "role_quota_met";
    public const string UnknownStep = "unknown_step";
    public const string RunNotFound = "run_not_found";
    public const string RunbookNotFound = "runbook_not_found";
    public const string InvalidRunbook = "invalid_runbook";
    public const string InvalidRequest = "invalid_request";
    public const string BodyTooLarge = "body_too_large";
    public const string NotFound = "not_found";
    public const string StoreUnavailable = "store_unavailable";
    public const string Internal = "internal_error";
}
