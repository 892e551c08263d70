namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>A commit in a fake repository.</summary>
public sealed class FakeCommit
{
    public required string Sha { get; init; }

    public required string Message { get; init; }

    public string? ParentSha { get; init; }

    public string AuthorName { get; init; } = "Mona Lisa";

    public string AuthorEmail { get; init; } = "mona@example.com";

    public string AuthorLogin { get; init; } = "mona";

    public DateTimeOffset Date { get; init; }
}
