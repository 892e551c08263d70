using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Storage.Audit;

/// <summary>An audit row as stored (source and outcome as text), which is what the chain hashes.</summary>
internal sealed record AuditRow(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Source,
    string Action,
    string? RunId,
    string? StepId,
    string Outcome,
    string? Detail,
    string PreviousHash,
    string Hash)
{
    public AuditEntry ToEntry() => new()
    {
        Id = Id,
        At = At,
        Actor = Actor,
        Source = Enum.TryParse<AuditSource>(Source, ignoreCase: true, out var source)
            ? source
            : throw new InvalidDataException($"Audit entry {Id} has an unknown source '{Source}'; run the chain verification."),
        Action = Action,
        RunId = RunId,
        StepId = StepId,
        Outcome = Enum.TryParse<AuditOutcome>(Outcome, ignoreCase: true, out var outcome)
            ? outcome
            : throw new InvalidDataException($"Audit entry {Id} has an unknown outcome '{Outcome}'; run the chain verification."),
        Detail = Detail,
        PreviousHash = PreviousHash,
        Hash = Hash,
    };
}
