using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Contracts.Tokens;

namespace RunbookRunner.Server.OpenApi;

/// <summary>
/// Example bodies for the OpenAPI document, written as contract objects and serialized with the API's own JSON
/// conventions, so an example can never drift from the shape the API really sends.
/// </summary>
internal static class ApiExamples
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 11, 0, 0, TimeSpan.Zero);
    private const string RunId = "01JX2V8Q9K4M7N3P5R6S8T0W2Y";

    private static readonly Dictionary<Type, object> Samples = new()
    {
        [typeof(StartRunRequest)] = new StartRunRequest { Runbook = "launch-day", T0 = "2026-06-01T12:00:00+01:00", Env = "production", RequestId = "launch-2026-06-01" },
        [typeof(StepActionRequest)] = new StepActionRequest { Reason = "Error budget is fine, go ahead", RequestId = "approve-dns-cutover-1" },
        [typeof(CreateTokenRequest)] = new CreateTokenRequest { Name = "release-manager-alice", Role = ApiRole.Approver, SlackUser = "U01AAA" },
        [typeof(RunDto)] = Run(),
        [typeof(RunListDto)] = new RunListDto(
            [
                new RunListItemDto
                {
                    Id = RunId, Runbook = "launch-day", Title = "Acme Platform 2.0 production launch", State = "running", Environment = "production",
                    T0 = T0, StartedBy = "release-manager-alice", CreatedAt = T0.AddHours(-7), UpdatedAt = T0.AddHours(-5), Lateness = TimeSpan.FromMinutes(4),
                },
            ],
            null),
        [typeof(ProblemDetails)] = Problem(),
        [typeof(HttpValidationProblemDetails)] = Problem(),
        [typeof(ProblemDto)] = Problem(),
    };

    /// <summary>The example body for <paramref name="type"/>, or null when there is none.</summary>
    public static JsonNode? For(Type? type) =>
        type is not null && Samples.TryGetValue(type, out var sample) ? JsonSerializer.SerializeToNode(sample, sample.GetType(), ApiJson.Options) : null;

    private static RunDto Run() => new()
    {
        Id = RunId,
        Runbook = "launch-day",
        Title = "Acme Platform 2.0 production launch",
        State = "running",
        Environment = "production",
        T0 = T0,
        StartedBy = "release-manager-alice",
        CreatedAt = T0.AddHours(-7),
        UpdatedAt = T0.AddHours(-5),
        StartedAt = T0.AddHours(-6),
        Lateness = TimeSpan.FromMinutes(4),
        Version = 42,
        Steps =
        [
            new RunStepDto { Id = "go-no-go", Kind = "approval", State = "succeeded", Attempts = 1, StartedAt = T0.AddHours(-6), FinishedAt = T0.AddHours(-6).AddMinutes(12), DoneBy = "U01AAA" },
            new RunStepDto { Id = "backup", Kind = "action", State = "succeeded", Attempts = 1, Summary = "dump written (2.1 GB), verified", Outputs = new Dictionary<string, string> { ["path"] = "/backups/" + RunId + ".dump" } },
            new RunStepDto { Id = "migrate", Kind = "action", State = "running", Attempts = 1, StartedAt = T0.AddHours(-5) },
            new RunStepDto { Id = "dns-cutover", Kind = "action", State = "pending" },
            new RunStepDto { Id = "qa-checkout", Title = "Checkout flow works end to end", Kind = "manual", State = "pending", CanFail = true },
        ],
        Approvals =
        [
            new ApprovalDto
            {
                Target = "go-no-go", Required = 2, Granted = [new ApprovalGrantDto("U01AAA", T0.AddHours(-6).AddMinutes(5), "slack"), new ApprovalGrantDto("U02PPP", T0.AddHours(-6).AddMinutes(12), "slack")],
                Eligible = ["U01AAA", "U01BBB", "U02PPP"], RequestedAt = T0.AddHours(-6), TimeoutAt = T0.AddHours(-6).AddMinutes(45),
                Roles = [new ApprovalRoleDto("release-managers", 1, ["U01AAA"], ["U01AAA", "U01BBB"]), new ApprovalRoleDto("product", 1, ["U02PPP"], ["U02PPP"])],
            },
        ],
    };

    private static ProblemDto Problem() => new()
    {
        Title = "Not possible in the run's current state",
        Status = StatusCodes.Status409Conflict,
        Detail = "step 'dns-cutover' is pending; only a step awaiting approval can be approved",
        Code = ProblemCodes.IllegalState,
    };
}
