namespace RunbookRunner.Contracts.Runs;

/// <summary>
/// Optional body of a command on a run or a step (<c>approve</c>, <c>reject</c>, <c>pause</c>, <c>abort</c>...):
/// a reason for the record and an idempotency key (the <c>Idempotency-Key</c> header wins).
/// </summary>
public sealed record StepActionRequest
{
    public string? Reason { get; init; }

    public string? RequestId { get; init; }
}
