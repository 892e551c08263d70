namespace RunbookRunner.GitHub.Commits;

/// <summary><c>GET /repos/{owner}/{repo}/git/ref/{ref}</c>.</summary>
internal sealed record RefWire
{
    public string Ref { get; init; } = "";

    public RefObjectWire? Object { get; init; }
}
