using RunbookRunner.TestKit.Fakes.GitHub;

namespace RunbookRunner.Integration.Tests.Staging;

/// <summary>
/// Plays the external deployer (GitHub Actions in real life): every deployment of the repository that is only
/// <c>in_progress</c> is rolled out and reported <c>success</c>, as a step with <c>wait: true</c> expects.
/// </summary>
internal sealed class FakeDeployer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeDeployer(FakeRepository repository) => _loop = RunAsync(repository, _stop.Token);

    private static async Task RunAsync(FakeRepository repository, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var deployment in repository.Deployments)
            {
                var states = repository.DeploymentStates(deployment.Id);
                if (states.Contains("in_progress") && !states.Any(s => s is "success" or "failure" or "error"))
                {
                    repository.AddDeploymentStatus(deployment.Id, "success", $"rolled out {deployment.Ref}");
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
