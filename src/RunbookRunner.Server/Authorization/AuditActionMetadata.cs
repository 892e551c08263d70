namespace RunbookRunner.Server.Authorization;

/// <summary>Endpoint metadata naming the audited action (<c>approve</c>, <c>token.create</c>) for refused attempts.</summary>
public sealed record AuditActionMetadata(string Action);
