using System.Globalization;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;
using RunbookRunner.GitHub;
using RunbookRunner.GitHub.Errors;
using RunbookRunner.GitHub.Releases;

namespace RunbookRunner.Actions.GitHub;

/// <summary>
/// <c>github.release</c>: creates the release of <c>tag</c> (and the tag, from <c>target</c>) with notes. A release that
/// already exists for the tag counts as done, so a re-run after a crash does not fail. Outputs: <c>release_id</c>, <c>html_url</c>.
/// </summary>
public sealed class GitHubReleaseAction : GitHubStepAction
{
    public GitHubReleaseAction(IGitHubClient client)
        : base(client)
    {
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("github.release");

    protected override async Task<ActionResult> ExecuteGitHubAsync(ActionContext context, ParameterReader parameters, IGitHubClient client, GitHubRepository repository, CancellationToken cancellationToken)
    {
        var release = Read(parameters);
        var existing = await client.GetReleaseByTagAsync(repository, release.TagName, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                existing = await client.CreateReleaseAsync(repository, release, cancellationToken).ConfigureAwait(false);
                context.Log.Write($"created release {existing.TagName} ({existing.HtmlUrl})");
                return Done(existing, $"released {existing.TagName} in {repository}");
            }
            catch (GitHubAlreadyExistsException)
            {
                // Created in between (e.g. by the attempt that crashed): fetch it below.
                existing = await client.GetReleaseByTagAsync(repository, release.TagName, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        context.Log.Write($"release {existing.TagName} already exists ({existing.HtmlUrl}); nothing to do");
        return Done(existing, $"release {existing.TagName} already exists in {repository}");
    }

    protected override ActionResult Simulate(ActionContext context, ParameterReader parameters, GitHubRepository repository)
    {
        var release = Read(parameters);
        LogSimulated(context, $"would create release {release.TagName} in {repository} from {release.TargetCommitish ?? "the default branch"}{(release.GenerateReleaseNotes ? " with generated notes" : string.Empty)}");
        return ActionResult.Success(
            $"simulated: released {release.TagName} in {repository}",
            new Dictionary<string, string> { ["release_id"] = "0", ["html_url"] = $"https://github.com/{repository}/releases/tag/{release.TagName}" });
    }

    private static ActionResult Done(GitHubRelease release, string summary) =>
        ActionResult.Success(summary, new Dictionary<string, string>
        {
            ["release_id"] = release.Id.ToString(CultureInfo.InvariantCulture),
            ["html_url"] = release.HtmlUrl ?? string.Empty,
        });

    private static NewRelease Read(ParameterReader p) => new()
    {
        TagName = p.RequiredString("tag"),
        TargetCommitish = p.OptionalString("target"),
        Name = p.OptionalString("name"),
        Body = p.OptionalString("body"),
        GenerateReleaseNotes = p.OptionalBool("generate_notes", false),
    };
}
