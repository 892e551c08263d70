namespace RunbookRunner.Core.Persistence;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="IsValid">True when every entry's hash matches its content and the one before it.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBrokenId">The first entry whose hash, link or id does not check out; null when valid.</param>
/// <param name="Problem">What is wrong with that entry, for people.</param>
public sealed record AuditVerification(bool IsValid, long EntriesChecked, long? FirstBrokenId, string? Problem);
