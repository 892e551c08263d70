using System.Text.Json.Nodes;

namespace RunbookRunner.TestKit.Fakes.GitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeDeployment> deployments = [];

    public IReadOnlyList<FakeDeployment> Deployments
    {
        get
        {
            lock (Gate)
            {
                return deployments.ToList();
            }
        }
    }

    /// <summary>The states posted to a deployment so far, oldest first (a snapshot, safe while others post).</summary>
    public IReadOnlyList<string> DeploymentStates(long deploymentId)
    {
        lock (Gate)
        {
            return FindDeployment(deploymentId)?.Statuses.Select(s => s.State).ToList() ?? [];
        }
    }

    /// <summary>Posts a deployment status as an external deployer would (e.g. to finish a deployment a runbook waits on).</summary>
    public FakeDeploymentStatus AddDeploymentStatus(long deploymentId, string state, string? description = null, string? environmentUrl = null)
    {
        lock (Gate)
        {
            var deployment = FindDeployment(deploymentId) ?? throw new ArgumentException($"No deployment {deploymentId}.", nameof(deploymentId));
            return AddStatusLocked(deployment, state, description, logUrl: null, environmentUrl, creator: "external-deployer");
        }
    }

    internal FakeDeployment? FindDeployment(long id)
    {
        lock (Gate)
        {
            return deployments.SingleOrDefault(d => d.Id == id);
        }
    }

    internal FakeDeployment CreateDeployment(string sha, string reference, string environment, string? task, string? description, JsonNode? payload, bool production, bool transient)
    {
        lock (Gate)
        {
            var deployment = new FakeDeployment
            {
                Id = state.NextId(),
                Sha = sha,
                Ref = reference,
                Environment = environment,
                Task = task ?? "deploy",
                Description = description,
                Payload = payload?.DeepClone(),
                ProductionEnvironment = production,
                TransientEnvironment = transient,
                CreatedAt = Now,
            };
            deployments.Add(deployment);
            return deployment;
        }
    }

    internal FakeDeploymentStatus AddStatusLocked(FakeDeployment deployment, string state, string? description, string? logUrl, string? environmentUrl, string creator)
    {
        var status = new FakeDeploymentStatus
        {
            Id = this.state.NextId(),
            DeploymentId = deployment.Id,
            State = state,
            Description = description,
            Environment = deployment.Environment,
            LogUrl = logUrl,
            EnvironmentUrl = environmentUrl,
            Creator = creator,
            CreatedAt = Now,
        };
        deployment.Statuses.Add(status);
        return status;
    }

    /// <summary>GitHub's <c>auto_inactive</c>: earlier non-transient deployments of the environment become inactive.</summary>
    internal void DeactivateOthers(FakeDeployment current)
    {
        lock (Gate)
        {
            foreach (var other in deployments.Where(d => d.Id != current.Id && d.Environment == current.Environment && !d.TransientEnvironment))
            {
                if (other.Statuses.Count > 0 && other.Statuses[^1].State is not "inactive")
                {
                    AddStatusLocked(other, "inactive", "Superseded by a newer deployment", null, null, "github");
                }
            }
        }
    }
}
