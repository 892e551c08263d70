using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>The REST endpoints of the fake GitHub, split by area into partial files.</summary>
internal static partial class FakeGitHubEndpoints
{
    public static void Map(IEndpointRouteBuilder api, FakeGitHubServer server)
    {
        MapCommits(api, server);
        MapIssues(api, server);
        MapDeployments(api, server);
        MapReleases(api, server);
        MapWorkflows(api, server);
    }

    /// <summary>A route value, percent-decoded (Kestrel leaves <c>%2F</c> encoded in paths).</summary>
    private static string Route(HttpContext context, string name) =>
        Uri.UnescapeDataString(context.GetRouteValue(name) as string ?? "");

    private static long RouteId(HttpContext context, string name) =>
        long.Parse(Route(context, name), System.Globalization.CultureInfo.InvariantCulture);

    private static FakeRepository? Repository(HttpContext context, FakeGitHubServer server) =>
        server.State.FindRepository(Route(context, "owner"), Route(context, "repo"));

    private static IResult RepositoryNotFound(string documentationUrl) =>
        FakeGitHubJson.Error(404, "Not Found", documentationUrl);

    /// <summary>The JSON object body, or <see langword="null"/> when it is not one (GitHub: 400 Problems parsing JSON).</summary>
    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult ProblemsParsingJson() =>
        FakeGitHubJson.Error(400, "Problems parsing JSON", "https://docs.github.com/rest");

    private static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool? Bool(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;
}
