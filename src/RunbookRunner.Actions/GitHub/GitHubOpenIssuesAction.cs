using System.Globalization;
using System.Text.Json.Nodes;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;
using RunbookRunner.GitHub;

namespace RunbookRunner.Actions.GitHub;

/// <summary>
/// <c>github.open_issues</c> (a gate): counts open issues carrying ANY of <c>labels</c>, pull requests excluded, and
/// fails above <c>max</c> (default 0). The summary lists the issues so approvers see the evidence.
/// Outputs: <c>count</c>, <c>issues</c> (JSON: number, title, url, labels).
/// </summary>
public sealed class GitHubOpenIssuesAction : GitHubStepAction
{
    private const int ListedInSummary = 5;

    public GitHubOpenIssuesAction(IGitHubClient client)
        : base(client)
    {
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("github.open_issues");

    protected override async Task<ActionResult> ExecuteGitHubAsync(ActionContext context, ParameterReader parameters, IGitHubClient client, GitHubRepository repository, CancellationToken cancellationToken)
    {
        var (labels, max) = Read(parameters);
        var issues = await client.ListOpenIssuesWithAnyLabelAsync(repository, labels, cancellationToken).ConfigureAwait(false);
        foreach (var issue in issues)
        {
            context.Log.Write($"#{issue.Number} [{string.Join(", ", issue.Labels)}] {issue.Title} {issue.HtmlUrl}");
        }

        var which = string.Join("/", labels);
        var head = $"{issues.Count} open {which} issue(s) in {repository} (max {max})";
        var listed = issues.Take(ListedInSummary).Select(i => $"#{i.Number} {i.Title}").ToList();
        if (issues.Count > ListedInSummary)
        {
            listed.Add($"and {issues.Count - ListedInSummary} more");
        }

        var summary = listed.Count == 0 ? head : $"{head}: {string.Join("; ", listed)}";
        var outputs = new Dictionary<string, string>
        {
            ["count"] = issues.Count.ToString(CultureInfo.InvariantCulture),
            ["issues"] = new JsonArray(issues.Select(i => (JsonNode)new JsonObject
            {
                ["number"] = i.Number,
                ["title"] = i.Title,
                ["url"] = i.HtmlUrl,
                ["labels"] = new JsonArray(i.Labels.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
            }).ToArray()).ToJsonString(),
        };
        return issues.Count <= max
            ? ActionResult.Success(summary, outputs)
            : ActionResult.Failure(summary, retryable: true, outputs);
    }

    protected override ActionResult Simulate(ActionContext context, ParameterReader parameters, GitHubRepository repository)
    {
        var (labels, max) = Read(parameters);
        LogSimulated(context, $"would count open issues in {repository} labelled any of {string.Join(", ", labels)} (max {max})");
        return ActionResult.Success(
            $"simulated: 0 open {string.Join("/", labels)} issue(s) in {repository} (max {max})",
            new Dictionary<string, string> { ["count"] = "0", ["issues"] = "[]" });
    }

    private static (IReadOnlyList<string> Labels, long Max) Read(ParameterReader p)
    {
        var labels = p.StringList("labels").Where(l => l.Length > 0).ToList();
        if (labels.Count == 0)
        {
            throw new ActionParameterException("parameter 'labels' must list at least one label, e.g. [P0, P1]");
        }

        return (labels, p.OptionalInt("max", min: 0) ?? 0);
    }
}
