namespace RunbookRunner.GitHub.Commits;

/// <summary>A git author or committer: name, email and date.</summary>
internal sealed record GitSignatureWire
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public DateTimeOffset? Date { get; init; }
}
