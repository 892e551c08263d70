using RunbookRunner.GitHub.Commits;

namespace RunbookRunner.GitHub;

public sealed partial class GitHubRestClient
{
    private const string HeadsPrefix = "refs/heads/";

    public async Task<GitHubRef> GetBranchHeadAsync(GitHubRepository repository, string branch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var name = branch.StartsWith(HeadsPrefix, StringComparison.Ordinal) ? branch[HeadsPrefix.Length..] : branch;
        // This endpoint takes the ref as a path, so each part of "release/1.0" is escaped on its own.
        var path = string.Join('/', name.Split('/').Select(Segment));
        var wire = await GetJsonAsync<RefWire>($"{repository.ApiPath}/git/ref/heads/{path}", cancellationToken).ConfigureAwait(false);
        return new GitHubRef(wire.Ref, wire.Object?.Sha ?? "", wire.Object?.Type ?? "");
    }

    public async Task<GitHubCommit> GetCommitAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var wire = await GetJsonAsync<CommitWire>($"{repository.ApiPath}/commits/{Segment(reference)}", cancellationToken).ConfigureAwait(false);
        return wire.ToCommit();
    }

    public async Task<GitHubCombinedStatus> GetCombinedStatusAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        GitHubCombinedStatus? first = null;
        var statuses = await GetAllPagesAsync<GitHubCombinedStatus, GitHubCommitStatus>(
            WithPaging($"{repository.ApiPath}/commits/{Segment(reference)}/status"),
            page =>
            {
                // State, SHA and count describe the whole ref; later pages only add statuses.
                first ??= page;
                return page.Statuses;
            },
            cancellationToken).ConfigureAwait(false);
        return first! with { Statuses = statuses };
    }

    public async Task<IReadOnlyList<GitHubCheckRun>> ListCheckRunsAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return await GetAllPagesAsync<CheckRunsPageWire, GitHubCheckRun>(
            WithPaging($"{repository.ApiPath}/commits/{Segment(reference)}/check-runs"),
            page => page.CheckRuns,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<GitHubRefHealth> GetRefHealthAsync(GitHubRepository repository, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var combined = await GetCombinedStatusAsync(repository, reference, cancellationToken).ConfigureAwait(false);
        // Check runs by the SHA the status answered for, so both halves of the verdict describe the same commit
        // even if the branch moves in between.
        var checkRuns = await ListCheckRunsAsync(repository, combined.Sha, cancellationToken).ConfigureAwait(false);
        return RefHealthEvaluator.Evaluate(reference, combined, checkRuns);
    }
}
