using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>GitHub-shaped JSON for the fake's entities, error bodies and paging.</summary>
internal static class FakeGitHubJson
{
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    public static IResult Error(int statusCode, string message, string? documentationUrl, JsonArray? errors = null)
    {
        var body = FakeFault.ErrorBody(message, documentationUrl);
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        body["status"] = statusCode.ToString(CultureInfo.InvariantCulture);
        return Results.Json(body, statusCode: statusCode);
    }

    public static IResult ValidationFailed(string documentationUrl, params JsonObject[] errors) =>
        Error(422, "Validation Failed", documentationUrl, [.. errors]);

    public static JsonObject FieldError(string resource, string field, string code, string? message = null)
    {
        var error = new JsonObject { ["resource"] = resource, ["field"] = field, ["code"] = code };
        if (message is not null)
        {
            error["message"] = message;
        }

        return error;
    }

    /// <summary>One page of <paramref name="items"/> with GitHub's <c>Link</c> header (first/prev/next/last).</summary>
    public static IResult Page(HttpContext context, IReadOnlyList<JsonNode> items, Func<JsonArray, int, JsonNode>? wrap = null)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(ReadInt(query["per_page"], DefaultPerPage), 1, MaxPerPage);
        var page = Math.Max(1, ReadInt(query["page"], 1));
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var slice = new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage).Select(item => item.DeepClone())]);
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{PageUrl(context, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(context, last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(context, 1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(context, page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        return Results.Json(wrap is null ? slice : wrap(slice, items.Count));
    }

    public static JsonObject User(string login, FakeGitHubServer server) => new()
    {
        ["login"] = login,
        ["id"] = Math.Abs(StringComparer.Ordinal.GetHashCode(login)) % 100000,
        ["type"] = login.EndsWith("bot", StringComparison.Ordinal) ? "Bot" : "User",
        ["html_url"] = server.HtmlUrl(login),
    };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Commit(FakeRepository repository, FakeCommit commit, FakeGitHubServer server)
    {
        var signature = new JsonObject { ["name"] = commit.AuthorName, ["email"] = commit.AuthorEmail, ["date"] = Time(commit.Date) };
        return new JsonObject
        {
            ["sha"] = commit.Sha,
            ["node_id"] = "C_" + commit.Sha[..12],
            ["url"] = server.ApiUrl($"repos/{repository.FullName}/commits/{commit.Sha}"),
            ["html_url"] = server.HtmlUrl($"{repository.FullName}/commit/{commit.Sha}"),
            ["commit"] = new JsonObject
            {
                ["message"] = commit.Message,
                ["author"] = signature,
                ["committer"] = signature.DeepClone(),
                ["comment_count"] = 0,
            },
            ["author"] = User(commit.AuthorLogin, server),
            ["committer"] = User(commit.AuthorLogin, server),
            ["parents"] = commit.ParentSha is null ? new JsonArray() : new JsonArray(new JsonObject { ["sha"] = commit.ParentSha }),
        };
    }

    public static JsonObject Status(FakeCommitStatus status, FakeGitHubServer server) => new()
    {
        ["id"] = status.Id,
        ["state"] = status.State,
        ["description"] = status.Description,
        ["target_url"] = status.TargetUrl,
        ["context"] = status.Context,
        ["created_at"] = Time(status.CreatedAt),
        ["updated_at"] = Time(status.CreatedAt),
        ["creator"] = User("ci-bot", server),
    };

    public static JsonObject CheckRun(FakeRepository repository, FakeCheckRun run, FakeGitHubServer server) => new()
    {
        ["id"] = run.Id,
        ["name"] = run.Name,
        ["head_sha"] = run.Sha,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["url"] = server.ApiUrl($"repos/{repository.FullName}/check-runs/{run.Id}"),
        ["html_url"] = server.HtmlUrl($"{repository.FullName}/runs/{run.Id}"),
        ["details_url"] = server.HtmlUrl($"{repository.FullName}/actions/runs/{run.Id}/job/{run.Id}"),
        ["started_at"] = Time(run.StartedAt),
        ["completed_at"] = run.CompletedAt is { } completed ? Time(completed) : null,
        ["app"] = new JsonObject { ["slug"] = run.AppSlug },
    };

    public static JsonObject Issue(FakeRepository repository, FakeIssue issue, FakeGitHubServer server)
    {
        var kind = issue.IsPullRequest ? "pull" : "issues";
        var json = new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = "I_" + issue.Id,
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            ["state"] = issue.State,
            ["url"] = server.ApiUrl($"repos/{repository.FullName}/issues/{issue.Number}"),
            ["html_url"] = server.HtmlUrl($"{repository.FullName}/{kind}/{issue.Number}"),
            ["labels"] = new JsonArray([.. issue.Labels.Select(label => (JsonNode)new JsonObject
            {
                ["id"] = Math.Abs(StringComparer.Ordinal.GetHashCode(label)) % 100000,
                ["name"] = label,
                ["color"] = "d73a4a",
                ["default"] = false,
            })]),
            ["user"] = User(issue.Author, server),
            ["body"] = issue.Body,
            ["comments"] = 0,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject
            {
                ["url"] = server.ApiUrl($"repos/{repository.FullName}/pulls/{issue.Number}"),
                ["html_url"] = server.HtmlUrl($"{repository.FullName}/pull/{issue.Number}"),
            };
        }

        return json;
    }

    public static JsonObject Deployment(FakeRepository repository, FakeDeployment deployment, FakeGitHubServer server) => new()
    {
        ["url"] = server.ApiUrl($"repos/{repository.FullName}/deployments/{deployment.Id}"),
        ["id"] = deployment.Id,
        ["node_id"] = "DE_" + deployment.Id,
        ["sha"] = deployment.Sha,
        ["ref"] = deployment.Ref,
        ["task"] = deployment.Task,
        ["payload"] = deployment.Payload?.DeepClone() ?? new JsonObject(),
        ["original_environment"] = deployment.Environment,
        ["environment"] = deployment.Environment,
        ["description"] = deployment.Description,
        ["creator"] = User(deployment.Creator, server),
        ["created_at"] = Time(deployment.CreatedAt),
        ["updated_at"] = Time(deployment.CreatedAt),
        ["statuses_url"] = server.ApiUrl($"repos/{repository.FullName}/deployments/{deployment.Id}/statuses"),
        ["repository_url"] = server.ApiUrl($"repos/{repository.FullName}"),
        ["transient_environment"] = deployment.TransientEnvironment,
        ["production_environment"] = deployment.ProductionEnvironment,
    };

    public static JsonObject DeploymentStatus(FakeRepository repository, FakeDeploymentStatus status, FakeGitHubServer server) => new()
    {
        ["url"] = server.ApiUrl($"repos/{repository.FullName}/deployments/{status.DeploymentId}/statuses/{status.Id}"),
        ["id"] = status.Id,
        ["node_id"] = "DES_" + status.Id,
        ["state"] = status.State,
        ["creator"] = User(status.Creator, server),
        ["description"] = status.Description ?? "",
        ["environment"] = status.Environment,
        ["target_url"] = status.LogUrl ?? "",
        ["log_url"] = status.LogUrl ?? "",
        ["environment_url"] = status.EnvironmentUrl ?? "",
        ["created_at"] = Time(status.CreatedAt),
        ["updated_at"] = Time(status.CreatedAt),
        ["deployment_url"] = server.ApiUrl($"repos/{repository.FullName}/deployments/{status.DeploymentId}"),
        ["repository_url"] = server.ApiUrl($"repos/{repository.FullName}"),
    };

    public static JsonObject Release(FakeRepository repository, FakeRelease release, FakeGitHubServer server) => new()
    {
        ["url"] = server.ApiUrl($"repos/{repository.FullName}/releases/{release.Id}"),
        ["html_url"] = server.HtmlUrl($"{repository.FullName}/releases/tag/{Uri.EscapeDataString(release.TagName)}"),
        ["id"] = release.Id,
        ["node_id"] = "RE_" + release.Id,
        ["tag_name"] = release.TagName,
        ["target_commitish"] = release.TargetCommitish,
        ["name"] = release.Name,
        ["body"] = release.Body,
        ["draft"] = release.Draft,
        ["prerelease"] = release.Prerelease,
        ["created_at"] = Time(release.CreatedAt),
        ["published_at"] = release.Draft ? null : Time(release.CreatedAt),
        ["author"] = User(release.Author, server),
        ["assets"] = new JsonArray(),
    };

    public static JsonObject WorkflowRun(FakeRepository repository, FakeWorkflowRun run, FakeGitHubServer server) => new()
    {
        ["id"] = run.Id,
        ["name"] = run.Name,
        ["node_id"] = "WFR_" + run.Id,
        ["head_branch"] = run.HeadBranch,
        ["head_sha"] = run.HeadSha,
        ["path"] = run.Path,
        ["display_title"] = run.Name,
        ["run_number"] = run.RunNumber,
        ["event"] = run.Event,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["workflow_id"] = run.WorkflowId,
        ["url"] = server.ApiUrl($"repos/{repository.FullName}/actions/runs/{run.Id}"),
        ["html_url"] = server.HtmlUrl($"{repository.FullName}/actions/runs/{run.Id}"),
        ["created_at"] = Time(run.CreatedAt),
        ["updated_at"] = Time(run.UpdatedAt),
        ["run_attempt"] = 1,
        ["run_started_at"] = Time(run.CreatedAt),
    };

    private static int ReadInt(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    private static string PageUrl(HttpContext context, int page)
    {
        var request = context.Request;
        var query = request.Query
            .Where(pair => pair.Key != "page")
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value.ToString())}")
            .Append($"page={page.ToString(CultureInfo.InvariantCulture)}");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}
