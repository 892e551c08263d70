namespace RunbookRunner.Contracts.Audit;

/// <summary>Audit entries newest first; pass <see cref="NextBefore"/> as <c>?before=</c> for the next page, null on the last.</summary>
public sealed record AuditListDto(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);
