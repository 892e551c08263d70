namespace RunbookRunner.GitHub.Commits;

/// <summary>The <c>object</c> a git reference points at.</summary>
internal sealed record RefObjectWire
{
    public string Sha { get; init; } = "";

    public string Type { get; init; } = "";
}
