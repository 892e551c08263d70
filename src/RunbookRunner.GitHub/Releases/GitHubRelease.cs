namespace RunbookRunner.GitHub.Releases;

/// <summary>A release.</summary>
public sealed record GitHubRelease
{
    public long Id { get; init; }

    public string TagName { get; init; } = "";

    public string? TargetCommitish { get; init; }

    public string? Name { get; init; }

    public string? Body { get; init; }

    public string? HtmlUrl { get; init; }

    public bool Draft { get; init; }

    public bool Prerelease { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }
}
