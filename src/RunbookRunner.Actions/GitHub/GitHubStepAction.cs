using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.GitHub;
using RunbookRunner.GitHub.Errors;

namespace RunbookRunner.Actions.GitHub;

/// <summary>
/// Shared plumbing of the <c>github.*</c> actions: the repository parameter, a step's own <c>token</c>, and GitHub
/// errors turned into failures (retryable when GitHub says trying later may help; rate limits are already waited out).
/// </summary>
public abstract class GitHubStepAction : StepAction
{
    protected GitHubStepAction(IGitHubClient client) => Client = client;

    protected IGitHubClient Client { get; }

    protected sealed override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var repository = ReadRepository(parameters);
        var client = parameters.OptionalString("token") is { Length: > 0 } token ? Client.WithToken(token) : Client;
        try
        {
            return await ExecuteGitHubAsync(context, parameters, client, repository, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubApiException ex)
        {
            context.Log.Write("error: " + ex.Message);
            return ActionResult.Failure(ex.Message, ex.IsRetryable);
        }
        catch (HttpRequestException ex)
        {
            return ActionResult.Failure($"GitHub unreachable: {ex.Message}", retryable: true);
        }
    }

    protected sealed override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken) =>
        Task.FromResult(Simulate(context, parameters, ReadRepository(parameters)));

    protected abstract Task<ActionResult> ExecuteGitHubAsync(ActionContext context, ParameterReader parameters, IGitHubClient client, GitHubRepository repository, CancellationToken cancellationToken);

    protected abstract ActionResult Simulate(ActionContext context, ParameterReader parameters, GitHubRepository repository);

    private static GitHubRepository ReadRepository(ParameterReader p)
    {
        var text = p.RequiredString("repo").Trim();
        return GitHubRepository.TryParse(text, out var repository)
            ? repository
            : throw new ActionParameterException($"parameter 'repo' is '{text}'; write owner/name, e.g. acme/platform");
    }
}
