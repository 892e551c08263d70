using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RunbookRunner.TestKit.Fakes.GitHub;

internal static partial class FakeGitHubEndpoints
{
    private static void MapIssues(IEndpointRouteBuilder api, FakeGitHubServer server)
    {
        const string IssuesDocs = "https://docs.github.com/rest/issues/issues#list-repository-issues";

        api.MapGet("/repos/{owner}/{repo}/issues", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            if (repository is null)
            {
                return RepositoryNotFound(IssuesDocs);
            }

            var query = context.Request.Query;
            var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
            if (state is not ("open" or "closed" or "all"))
            {
                return FakeGitHubJson.ValidationFailed(IssuesDocs, FakeGitHubJson.FieldError("Issue", "state", "invalid"));
            }

            // GitHub's labels filter is a comma-separated list meaning "all of these labels".
            var labels = query["labels"].ToString()
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var issues = repository.Issues
                .Where(issue => state == "all" || issue.State == state)
                .Where(issue => labels.All(label => issue.Labels.Contains(label, StringComparer.OrdinalIgnoreCase)))
                .OrderByDescending(issue => issue.CreatedAt)
                .ThenByDescending(issue => issue.Number)
                .Select(issue => (JsonNode)FakeGitHubJson.Issue(repository, issue, server))
                .ToList();
            return FakeGitHubJson.Page(context, issues);
        });
    }
}
