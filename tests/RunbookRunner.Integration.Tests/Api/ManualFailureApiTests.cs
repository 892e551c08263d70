using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Audit;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Api;

/// <summary><c>POST /api/runs/{id}/steps/{step}/fail</c> and <c>runbook fail</c>: a manual task with outcomes [done, failed] marked failed.</summary>
public sealed class ManualFailureApiTests : IAsyncLifetime
{
    private const string Qa = """
        name: qa-flow
        roles:
          qa: [U9]
          ops: [U2]
        steps:
          - id: deploy
            action: shell
            with: { run: "true" }
            undo: { action: shell, with: { run: "true" } }
          - id: brief
            manual: { title: Team briefed, roles: [qa] }
          - id: qa-checkout
            manual: { title: Checkout works, roles: [qa], outcomes: [done, failed] }
            on_failure: ON_FAILURE
          - id: announce
            wait: 1s
        """;

    private ServerHost? _server;

    private ServerHost Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await ServerHost.StartAsync(StoreFactory.NewSqlite());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fail_WaitingTaskWithFailedOutcome_RollsTheRunBackAndIsAudited()
    {
        var qa = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "qa", "U9"));
        var wrongOps = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops", "U2"));
        var viewer = Server.Client(await Server.CreateTokenAsync(TokenRole.Viewer, "viewer", "U9"));
        var run = await RunApi.StartAsync(qa, new StartRunRequest { Yaml = Qa.Replace("ON_FAILURE", "rollback", StringComparison.Ordinal), FileName = "qa.yaml", T0 = "now" });

        var briefing = await RunApi.WaitForAsync(qa, run.Id, r => r.Step("brief").State == StepStates.AwaitingApproval, "brief waits for a person");
        briefing.Step("brief").CanFail.Should().BeFalse();
        var notFailable = await RunApi.CommandAsync(qa, run.Id, "steps/brief/fail", body: new StepActionRequest { Reason = "x" });
        notFailable.Status.Should().Be(HttpStatusCode.Conflict);
        notFailable.Problem!.Code.Should().Be("illegal_state");
        notFailable.Problem.Detail.Should().Contain("outcomes: [done, failed]");
        (await RunApi.CommandAsync(qa, run.Id, "steps/brief/done")).Status.Should().Be(HttpStatusCode.OK);

        var waiting = await RunApi.WaitForAsync(qa, run.Id, r => r.Step("qa-checkout").State == StepStates.AwaitingApproval, "qa waits for a person");
        waiting.Step("qa-checkout").CanFail.Should().BeTrue();
        (await RunApi.CommandAsync(viewer, run.Id, "steps/qa-checkout/fail")).Status.Should().Be(HttpStatusCode.Forbidden, "viewers give no commands");
        var refused = await RunApi.CommandAsync(wrongOps, run.Id, "steps/qa-checkout/fail", body: new StepActionRequest { Reason = "looks bad" });
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Problem!.Code.Should().Be("not_allowed");

        var failed = await RunApi.CommandAsync(qa, run.Id, "steps/qa-checkout/fail", body: new StepActionRequest { Reason = "checkout returns 500" });

        failed.Status.Should().Be(HttpStatusCode.OK);
        var end = await RunApi.WaitForAsync(qa, run.Id, r => RunStates.IsTerminal(r.State), "rolled back");
        end.State.Should().Be(RunStates.RolledBack);
        end.Step("qa-checkout").State.Should().Be(StepStates.Failed);
        end.Step("qa-checkout").Error.Should().Be("marked failed by U9: checkout returns 500");
        end.Step("announce").State.Should().NotBe(StepStates.Succeeded);
        var audit = (await qa.GetFromJsonAsync<AuditListDto>($"api/audit?run={run.Id}", ApiJson.Options))!.Items;
        audit.Should().Contain(e => e.Actor == "U9" && e.Action == "fail" && e.Outcome == "allowed" && e.StepId == "qa-checkout");
        audit.Should().Contain(e => e.Actor == "U2" && e.Action == "fail" && e.Outcome == "denied" && e.Detail!.Contains("not_allowed"));
    }

    [Fact]
    public async Task Rehearsal_FailOnAFailableTaskWithApproveAll_IsMarkedFailedByTheServer()
    {
        var qa = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "qa", "U9"));

        var run = await RunApi.StartAsync(qa, new StartRunRequest
        {
            Yaml = Qa.Replace("ON_FAILURE", "rollback", StringComparison.Ordinal),
            Rehearsal = new RehearsalRequest { ApproveAll = true, Fail = ["qa-checkout"] },
        });

        var end = await RunApi.WaitForAsync(qa, run.Id, r => RunStates.IsTerminal(r.State), "rolled back");
        end.State.Should().Be(RunStates.RolledBack);
        end.Step("brief").State.Should().Be(StepStates.Succeeded);
        end.Step("qa-checkout").Error.Should().Be("marked failed by U9: injected failure (rehearsal --fail qa-checkout)");
    }

    [Fact]
    public async Task CliFail_TaskWithDefaultOnFailure_PausesTheRun()
    {
        var token = await Server.CreateTokenAsync(TokenRole.Operator, "qa", "U9");
        var qa = Server.Client(token);
        var run = await RunApi.StartAsync(qa, new StartRunRequest { Yaml = Qa.Replace("ON_FAILURE", "pause", StringComparison.Ordinal), FileName = "qa.yaml", T0 = "now" });
        await RunApi.WaitForAsync(qa, run.Id, r => r.Step("brief").State == StepStates.AwaitingApproval, "brief waits for a person");
        (await RunApi.CommandAsync(qa, run.Id, "steps/brief/done")).Status.Should().Be(HttpStatusCode.OK);
        await RunApi.WaitForAsync(qa, run.Id, r => r.Step("qa-checkout").State == StepStates.AwaitingApproval, "qa waits for a person");

        var result = await CliRunner.RunAsync("fail", run.Id, "qa-checkout", "--reason", "login broken", "--url", Server.Url, "--token", token);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("qa-checkout: marked failed; the step is failed, the run is paused");
        var paused = await RunApi.GetRunAsync(qa, run.Id);
        paused.Step("qa-checkout").Error.Should().Be("marked failed by U9: login broken");
        var again = await CliRunner.RunAsync("fail", run.Id, "qa-checkout", "--reason", "twice", "--url", Server.Url, "--token", token);
        again.ExitCode.Should().Be(1, again.ToString());
    }
}
