using RunbookRunner.GitHub.Releases;

namespace RunbookRunner.GitHub;

public partial interface IGitHubClient
{
    /// <summary>Creates a release; a release that already exists for the tag throws <see cref="Errors.GitHubAlreadyExistsException"/>.</summary>
    Task<GitHubRelease> CreateReleaseAsync(GitHubRepository repository, NewRelease release, CancellationToken cancellationToken = default);

    /// <summary>The release of a tag, or <see langword="null"/> when there is none (or the repository is not visible to the token).</summary>
    Task<GitHubRelease?> GetReleaseByTagAsync(GitHubRepository repository, string tag, CancellationToken cancellationToken = default);
}
