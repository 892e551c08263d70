using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RunbookRunner.TestKit.Fakes.GitHub;

internal static partial class FakeGitHubEndpoints
{
    private const string CreateReleaseDocs = "https://docs.github.com/rest/releases/releases#create-a-release";

    private static void MapReleases(IEndpointRouteBuilder api, FakeGitHubServer server)
    {
        api.MapPost("/repos/{owner}/{repo}/releases", async (HttpContext context) =>
        {
            var repository = Repository(context, server);
            if (repository is null)
            {
                return RepositoryNotFound(CreateReleaseDocs);
            }

            var body = await ReadObjectAsync(context);
            return body is null ? ProblemsParsingJson() : CreateRelease(repository, body, server);
        });

        api.MapGet("/repos/{owner}/{repo}/releases/tags/{tag}", (HttpContext context) =>
        {
            var repository = Repository(context, server);
            var release = repository?.FindRelease(Route(context, "tag"));
            return repository is null || release is null
                ? RepositoryNotFound("https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name")
                : Results.Json(FakeGitHubJson.Release(repository, release, server));
        });
    }

    private static IResult CreateRelease(FakeRepository repository, JsonObject body, FakeGitHubServer server)
    {
        var tag = String(body, "tag_name");
        if (string.IsNullOrEmpty(tag))
        {
            return FakeGitHubJson.ValidationFailed(CreateReleaseDocs, FakeGitHubJson.FieldError("Release", "tag_name", "missing_field"));
        }

        lock (server.State.Gate)
        {
            if (repository.FindRelease(tag) is not null)
            {
                return FakeGitHubJson.ValidationFailed(CreateReleaseDocs, FakeGitHubJson.FieldError("Release", "tag_name", "already_exists"));
            }

            var target = String(body, "target_commitish") ?? repository.DefaultBranch;
            var sha = repository.HasTag(tag) ? repository.ResolveSha(tag) : repository.ResolveSha(target);
            if (sha is null)
            {
                return FakeGitHubJson.ValidationFailed(CreateReleaseDocs, FakeGitHubJson.FieldError("Release", "target_commitish", "invalid"));
            }

            var draft = Bool(body, "draft") ?? false;
            var generate = Bool(body, "generate_release_notes") ?? false;
            var notes = String(body, "body");
            if (generate)
            {
                notes = GenerateNotes(repository, tag, sha, notes, server);
            }

            // GitHub creates the tag when the release is published, not for drafts.
            if (!draft && !repository.HasTag(tag))
            {
                repository.AddTag(tag, sha);
            }

            var release = repository.AddRelease(new FakeRelease
            {
                Id = server.State.NextId(),
                TagName = tag,
                TargetCommitish = target,
                Name = String(body, "name") ?? (generate ? tag : null),
                Body = notes,
                Draft = draft,
                Prerelease = Bool(body, "prerelease") ?? false,
                CreatedAt = server.State.TimeProvider.GetUtcNow(),
            });
            return Results.Json(FakeGitHubJson.Release(repository, release, server), statusCode: 201);
        }
    }

    /// <summary>Like GitHub's generated notes: the given body first, then the commits since the previous release.</summary>
    private static string GenerateNotes(FakeRepository repository, string tag, string sha, string? body, FakeGitHubServer server)
    {
        var previous = repository.Releases.Where(r => !r.Draft).Select(r => repository.ResolveSha(r.TagName)).LastOrDefault(s => s is not null);
        var notes = new StringBuilder();
        if (!string.IsNullOrEmpty(body))
        {
            notes.Append(body).Append("\n\n");
        }

        notes.Append("## What's Changed\n");
        foreach (var commit in repository.History(sha, previous))
        {
            notes.Append("* ").Append(commit.Message.Split('\n')[0]).Append(" by @").Append(commit.AuthorLogin)
                .Append(" in ").Append(commit.Sha[..7]).Append('\n');
        }

        notes.Append("\n**Full Changelog**: ").Append(server.HtmlUrl($"{repository.FullName}/commits/{tag}"));
        return notes.ToString();
    }
}
