using System.Net;
using RunbookRunner.GitHub.Http;
using RunbookRunner.GitHub.Releases;

namespace RunbookRunner.GitHub;

public sealed partial class GitHubRestClient
{
    public async Task<GitHubRelease> CreateReleaseAsync(GitHubRepository repository, NewRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentException.ThrowIfNullOrWhiteSpace(release.TagName, nameof(release));
        var body = new ReleaseRequestWire
        {
            TagName = release.TagName,
            TargetCommitish = release.TargetCommitish,
            Name = release.Name,
            Body = release.Body,
            Draft = release.Draft,
            Prerelease = release.Prerelease,
            GenerateReleaseNotes = release.GenerateReleaseNotes,
            MakeLatest = release.MakeLatest switch
            {
                true => "true",
                false => "false",
                null => null,
            },
        };
        var response = await PostAsync($"{repository.ApiPath}/releases", body, cancellationToken).ConfigureAwait(false);
        return GitHubJson.Deserialize<GitHubRelease>(response);
    }

    public async Task<GitHubRelease?> GetReleaseByTagAsync(GitHubRepository repository, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var response = await GetAsync($"{repository.ApiPath}/releases/tags/{Segment(tag)}", cancellationToken, allowNotFound: true).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : GitHubJson.Deserialize<GitHubRelease>(response);
    }
}
