using System.Text.Json;
using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub.Issues;

/// <summary>An element of <c>GET /repos/{owner}/{repo}/issues</c>, which also lists pull requests.</summary>
internal sealed record IssueWire
{
    public long Number { get; init; }

    public string Title { get; init; } = "";

    public string State { get; init; } = "";

    public string? HtmlUrl { get; init; }

    /// <summary>Objects with a <c>name</c>, or plain strings: the API allows both.</summary>
    public List<JsonElement> Labels { get; init; } = [];

    public UserWire? User { get; init; }

    /// <summary>Present only on pull requests.</summary>
    public JsonElement? PullRequest { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool IsPullRequest => PullRequest is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };

    public GitHubIssue ToIssue() => new()
    {
        Number = Number,
        Title = Title,
        State = State,
        HtmlUrl = HtmlUrl,
        Labels = Labels.Select(LabelName).Where(name => name is not null).Select(name => name!).ToList(),
        Author = User?.Login,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };

    private static string? LabelName(JsonElement label) => label.ValueKind switch
    {
        JsonValueKind.String => label.GetString(),
        JsonValueKind.Object when label.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        _ => null,
    };
}
