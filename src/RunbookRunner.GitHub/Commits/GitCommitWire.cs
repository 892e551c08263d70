namespace RunbookRunner.GitHub.Commits;

/// <summary>The <c>commit</c> object inside a commit response.</summary>
internal sealed record GitCommitWire
{
    public string? Message { get; init; }

    public GitSignatureWire? Author { get; init; }
}
