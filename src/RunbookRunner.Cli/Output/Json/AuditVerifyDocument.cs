namespace RunbookRunner.Cli.Output.Json;

/// <summary><c>runbook audit verify --format json</c>.</summary>
internal sealed record AuditVerifyDocument(bool Intact, long EntriesChecked, long? FirstBrokenId, string? Problem, long? HeadId, string? HeadHash);
