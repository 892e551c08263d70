using System.Net;
using Microsoft.Extensions.Logging;
using RunbookRunner.GitHub.Deployments;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub;

public sealed partial class GitHubRestClient
{
    public async Task<GitHubDeployment> CreateDeploymentAsync(GitHubRepository repository, NewDeployment deployment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentException.ThrowIfNullOrWhiteSpace(deployment.Ref, nameof(deployment));
        ArgumentException.ThrowIfNullOrWhiteSpace(deployment.Environment, nameof(deployment));
        var body = new DeploymentRequestWire
        {
            Ref = deployment.Ref,
            Environment = deployment.Environment,
            Description = deployment.Description,
            Payload = deployment.Payload,
            AutoMerge = false,
            RequiredContexts = deployment.RequiredContexts,
            Task = deployment.Task,
            ProductionEnvironment = deployment.ProductionEnvironment,
            TransientEnvironment = deployment.TransientEnvironment,
        };
        var path = $"{repository.ApiPath}/deployments";
        for (var attempt = 0; ; attempt++)
        {
            var response = await PostAsync(path, body, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return GitHubJson.Deserialize<GitHubDeployment>(response);
            }

            // 202: GitHub merged the default branch into the ref and created nothing; the request must be sent again.
            var info = GitHubErrorFactory.ReadInfo(response);
            if (attempt >= pipeline.MaxRetries)
            {
                throw new GitHubAutoMergedException(info);
            }

            if (pipeline.Logger.IsEnabled(LogLevel.Information))
            {
                pipeline.Logger.LogInformation("GitHub answered 202 to a deployment of {Ref} ({Message}); sending it again", deployment.Ref, info.Message);
            }
        }
    }

    public async Task<GitHubDeploymentStatus> CreateDeploymentStatusAsync(
        GitHubRepository repository,
        long deploymentId,
        NewDeploymentStatus status,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(status);
        var body = new DeploymentStatusRequestWire
        {
            State = status.State,
            LogUrl = status.LogUrl,
            EnvironmentUrl = status.EnvironmentUrl,
            Description = DeploymentDescription.Truncate(status.Description),
            Environment = status.Environment,
            AutoInactive = status.AutoInactive,
        };
        var response = await PostAsync($"{repository.ApiPath}/deployments/{Number(deploymentId)}/statuses", body, cancellationToken).ConfigureAwait(false);
        return GitHubJson.Deserialize<GitHubDeploymentStatus>(response);
    }

    public async Task<IReadOnlyList<GitHubDeploymentStatus>> ListDeploymentStatusesAsync(
        GitHubRepository repository,
        long deploymentId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return await GetAllPagesAsync<List<GitHubDeploymentStatus>, GitHubDeploymentStatus>(
            WithPaging($"{repository.ApiPath}/deployments/{Number(deploymentId)}/statuses"),
            statuses => statuses,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<GitHubDeploymentStatus?> GetLatestDeploymentStatusAsync(
        GitHubRepository repository,
        long deploymentId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        // GitHub lists statuses newest first, so one item of the first page is the latest.
        var statuses = await GetJsonAsync<List<GitHubDeploymentStatus>>(
            $"{repository.ApiPath}/deployments/{Number(deploymentId)}/statuses?per_page=1",
            cancellationToken).ConfigureAwait(false);
        return statuses.Count == 0 ? null : statuses[0];
    }
}
