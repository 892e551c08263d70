namespace RunbookRunner.GitHub.Http;

/// <summary>The <c>user</c>/<c>author</c>/<c>creator</c> object of GitHub responses.</summary>
internal sealed record UserWire
{
    public string? Login { get; init; }
}
