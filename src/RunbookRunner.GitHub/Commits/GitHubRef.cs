namespace RunbookRunner.GitHub.Commits;

/// <summary>A git reference and the object it points at, e.g. <c>refs/heads/main</c> → commit <c>sha</c>.</summary>
public sealed record GitHubRef(string Ref, string Sha, string ObjectType);
