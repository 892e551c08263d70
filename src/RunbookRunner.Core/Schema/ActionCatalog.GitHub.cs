using static RunbookRunner.Core.Schema.SchemaBuilder;

namespace RunbookRunner.Core.Schema;

public static partial class ActionCatalog
{
    private static ActionDescriptor GitHubCommitStatus() => new()
    {
        Type = "github.commit_status",
        Summary = "Checks that a ref is green: combined commit status and every check run.",
        Parameters = Object(
            Repo(),
            Req("ref", Str(), "Branch, tag or commit SHA."),
            Opt("state", OneOf("success", "pending", "failure"), "Expected combined state; default success."),
            GitHubToken()),
        Idempotent = true,
        CanGate = true,
        Outputs = ["state", "sha"],
        SecretParameters = ["token"],
    };

    private static ActionDescriptor GitHubOpenIssues() => new()
    {
        Type = "github.open_issues",
        Summary = "Counts open issues carrying any of the labels (pull requests excluded); fails above max.",
        Parameters = Object(
            Repo(),
            Req("labels", ListOf(Str()), "An issue carrying any of these labels counts."),
            Opt("max", Int(0), "Most open issues allowed; default 0."),
            GitHubToken()),
        Idempotent = true,
        CanGate = true,
        Outputs = ["count"],
        SecretParameters = ["token"],
    };

    private static ActionDescriptor GitHubDeployment() => new()
    {
        Type = "github.deployment",
        Summary = "Creates a GitHub deployment of a ref and posts its statuses; wait: true waits for an external deployer.",
        Parameters = Object(
            Repo(),
            Req("ref", Str(), "Branch, tag or commit SHA to deploy."),
            Opt("environment", Str(), "Deployment environment; default production."),
            Opt("description", Str(), "Short description (at most 140 characters)."),
            Opt("payload", Any(), "Extra JSON payload for the deployer."),
            Opt("wait", Bool(), "Wait until the deployment reaches a final state; default false."),
            GitHubToken()),
        Idempotent = false,
        Outputs = ["deployment_id", "sha", "state"],
        SecretParameters = ["token"],
    };

    private static ActionDescriptor GitHubRelease() => new()
    {
        Type = "github.release",
        Summary = "Creates a tag and a GitHub release with notes.",
        Parameters = Object(
            Repo(),
            Req("tag", Str(), "Tag name of the release."),
            Opt("target", Str(), "Branch or SHA the tag is created from; default the default branch."),
            Opt("name", Str(), "Release title."),
            Opt("body", Str(), "Release notes."),
            Opt("generate_notes", Bool(), "Let GitHub generate the notes; default false."),
            GitHubToken()),
        Idempotent = false,
        Outputs = ["release_id", "html_url"],
        SecretParameters = ["token"],
    };

    private static ActionDescriptor GitHubWorkflow() => new()
    {
        Type = "github.workflow",
        Summary = "Dispatches a workflow (workflow_dispatch) and, with wait: true, waits for its conclusion.",
        Parameters = Object(
            Repo(),
            Req("workflow", new OneOfSchema([Str(), Int(1)]), "Workflow file name (deploy.yml) or id."),
            Req("ref", Str(), "Branch or tag the workflow runs on."),
            Opt("inputs", MapOf(Any()), "Workflow inputs (at most 25)."),
            Opt("wait", Bool(), "Wait for the run to conclude and fail unless it succeeds; default false."),
            GitHubToken()),
        Idempotent = false,
        Outputs = ["run_id", "conclusion", "html_url"],
        SecretParameters = ["token"],
    };
}
