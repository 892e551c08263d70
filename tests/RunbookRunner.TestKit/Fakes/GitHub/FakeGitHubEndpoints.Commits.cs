using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RunbookRunner.TestKit.Fakes.GitHub;

internal static partial class FakeGitHubEndpoints
{
    private static void MapCommits(IEndpointRouteBuilder api, FakeGitHubServer server)
    {
        const string RefDocs = "https://docs.github.com/rest/git/refs#get-a-reference";
        const string CommitDocs = "https://docs.github.com/rest/commits/commits#get-a-commit";
        const string StatusDocs = "https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference";
        const string ChecksDocs = "https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference";

        api.MapGet("/repos/{owner}/{repo}/git/ref/heads/{**branch}", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var branch = Route(context, "branch");
            if (repository is null || !repository.HasBranch(branch))
            {
                return RepositoryNotFound(RefDocs);
            }

            var sha = repository.BranchHead(branch);
            return Results.Json(new JsonObject
            {
                ["ref"] = $"refs/heads/{branch}",
                ["node_id"] = "REF_" + sha[..10],
                ["url"] = server.ApiUrl($"repos/{repository.FullName}/git/refs/heads/{branch}"),
                ["object"] = new JsonObject
                {
                    ["sha"] = sha,
                    ["type"] = "commit",
                    ["url"] = server.ApiUrl($"repos/{repository.FullName}/git/commits/{sha}"),
                },
            });
        });

        api.MapGet("/repos/{owner}/{repo}/commits/{ref}", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            if (repository is null)
            {
                return RepositoryNotFound(CommitDocs);
            }

            var reference = Route(context, "ref");
            var sha = repository.ResolveSha(reference);
            return sha is null
                ? FakeGitHubJson.Error(422, $"No commit found for SHA: {reference}", CommitDocs)
                : Results.Json(FakeGitHubJson.Commit(repository, repository.FindCommit(sha)!, server));
        });

        api.MapGet("/repos/{owner}/{repo}/commits/{ref}/status", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var reference = Route(context, "ref");
            var sha = repository?.ResolveSha(reference);
            if (repository is null || sha is null)
            {
                return RepositoryNotFound(StatusDocs);
            }

            var statuses = repository.LatestStatuses(sha).Select(s => (JsonNode)FakeGitHubJson.Status(s, server)).ToList();
            var state = repository.CombinedState(sha);
            return FakeGitHubJson.Page(context, statuses, (page, total) => new JsonObject
            {
                ["state"] = state,
                ["statuses"] = page,
                ["sha"] = sha,
                ["total_count"] = total,
                ["commit_url"] = server.ApiUrl($"repos/{repository.FullName}/commits/{sha}"),
                ["url"] = server.ApiUrl($"repos/{repository.FullName}/commits/{sha}/status"),
            });
        });

        api.MapGet("/repos/{owner}/{repo}/commits/{ref}/check-runs", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var reference = Route(context, "ref");
            var sha = repository?.ResolveSha(reference);
            if (repository is null || sha is null)
            {
                return RepositoryNotFound(ChecksDocs);
            }

            var runs = repository.LatestCheckRuns(sha).Select(r => (JsonNode)FakeGitHubJson.CheckRun(repository, r, server)).ToList();
            return FakeGitHubJson.Page(context, runs, (page, total) => new JsonObject
            {
                ["total_count"] = total,
                ["check_runs"] = page,
            });
        });
    }
}
