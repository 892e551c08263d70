using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Audit;
using RunbookRunner.Contracts.Events;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Contracts.Tokens;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Integration.Tests.TestSupport;

namespace RunbookRunner.Integration.Tests.Api;

/// <summary>The HTTP API against a real server; run on SQLite and on PostgreSQL by the subclasses.</summary>
public abstract class ServerApiTests : IAsyncLifetime
{
    private ServerHost? _server;

    private protected ServerHost Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await ServerHost.StartAsync(await NewStoreAsync());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task WholeRun_DrivenThroughApiWithRoleTokens_Succeeds()
    {
        var starter = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "lead", "U1"));
        var selfApprover = Server.Client(await Server.CreateTokenAsync(TokenRole.Approver, "lead-approver", "U1"));
        var outsider = Server.Client(await Server.CreateTokenAsync(TokenRole.Approver, "outsider", "U7"));
        var second = Server.Client(await Server.CreateTokenAsync(TokenRole.Approver, "second", "U2"));
        var third = Server.Client(await Server.CreateTokenAsync(TokenRole.Approver, "third", "U3"));
        var wrongOps = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "wrong-ops", "U2"));
        var ops = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops", "U9"));

        var marker = Path.Combine(Server.RunbooksFolder, "briefed.marker");
        var run = await RunApi.StartAsync(starter, new StartRunRequest
        {
            Yaml = TestRunbooks.Flow(marker),
            FileName = "api-flow.yaml",
            T0 = "now",
        });
        run.State.Should().Be(RunStates.Running);
        run.StartedBy.Should().Be("U1");
        run.Rehearsal.Should().BeFalse();

        await RunApi.WaitForAsync(starter, run.Id, r => r.Step("go-no-go").State == StepStates.AwaitingApproval, "go-no-go awaits approval");
        (await RunApi.CommandAsync(selfApprover, run.Id, "steps/go-no-go/approve")).Problem!.Code.Should().Be("self_approval");
        (await RunApi.CommandAsync(outsider, run.Id, "steps/go-no-go/approve")).Problem!.Code.Should().Be("not_allowed");
        var first = await RunApi.CommandAsync(second, run.Id, "steps/go-no-go/approve");
        first.Status.Should().Be(HttpStatusCode.OK);
        first.Run!.Approvals.Single(a => a.Target == "go-no-go").StillNeeded.Should().Be(1);
        var both = await RunApi.CommandAsync(third, run.Id, "steps/go-no-go/approve");
        both.Run!.Approvals.Single(a => a.Target == "go-no-go").Granted.Select(g => g.By).Should().Equal("U2", "U3");

        await RunApi.WaitForAsync(starter, run.Id, r => r.Step("briefing").State == StepStates.AwaitingApproval, "briefing waits for a person");
        var refused = await RunApi.CommandAsync(wrongOps, run.Id, "steps/briefing/done");
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Problem!.Code.Should().Be("not_allowed");
        (await RunApi.CommandAsync(ops, run.Id, "steps/briefing/done")).Status.Should().Be(HttpStatusCode.OK);

        var paused = await RunApi.WaitForAsync(starter, run.Id, r => r.State == RunStates.Paused, "paused by the failing step");
        paused.Step("flaky").State.Should().Be(StepStates.Failed);
        paused.Step("flaky").Error.Should().Contain("exit");
        await File.WriteAllTextAsync(marker, "briefed");
        (await RunApi.CommandAsync(ops, run.Id, "steps/flaky/retry")).Status.Should().Be(HttpStatusCode.OK);

        var done = await RunApi.WaitForAsync(starter, run.Id, r => RunStates.IsTerminal(r.State), "finished");
        done.State.Should().Be(RunStates.Succeeded);
        done.Steps.Select(s => s.State).Should().AllBe(StepStates.Succeeded);
        done.Step("flaky").Attempts.Should().Be(2);
        done.Step("briefing").DoneBy.Should().Be("U9");

        var audit = (await starter.GetFromJsonAsync<AuditListDto>($"api/audit?run={run.Id}", ApiJson.Options))!.Items;
        audit.Should().Contain(e => e.Actor == "U1" && e.Action == "approve" && e.Outcome == "denied" && e.Detail!.Contains("self_approval"));
        audit.Should().Contain(e => e.Actor == "U7" && e.Action == "approve" && e.Outcome == "denied");
        audit.Should().Contain(e => e.Actor == "U2" && e.Action == "approve" && e.Outcome == "allowed" && e.Source == "api");
        audit.Should().Contain(e => e.Actor == "U3" && e.Action == "approve" && e.Outcome == "allowed");
        audit.Should().Contain(e => e.Actor == "U9" && e.Action == "done" && e.Outcome == "allowed");
        audit.Should().Contain(e => e.Actor == "U9" && e.Action == "retry" && e.Outcome == "allowed");

        var events = (await starter.GetFromJsonAsync<EventListDto>($"api/runs/{run.Id}/events", ApiJson.Options))!;
        events.Items.Select(e => e.Type).Should().ContainInOrder("RunCreated", "RunStarted", "ApprovalGranted", "ManualTaskDone", "StepFailed", "RunPaused", "StepRetried", "RunSucceeded");
        events.Items.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        events.Items.Should().Contain(e => e.Type == "ApprovalGranted" && e.Text.Contains("approved by U2"));
        var logs = (await starter.GetFromJsonAsync<Contracts.Logs.LogListDto>($"api/runs/{run.Id}/logs?step=flaky", ApiJson.Options))!;
        logs.Items.Should().Contain(l => l.Attempt == 1 && l.Text.Contains("test -f"));
        logs.Items.Select(l => l.Attempt).Distinct().Should().Equal(1, 2);
    }

    [Fact]
    public async Task Rehearsal_WithApproveAll_IsAnsweredByTheServerToTheEnd()
    {
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot", "U1"));

        var run = await RunApi.StartAsync(operatorBot, new StartRunRequest { Yaml = TestRunbooks.Flow("/nonexistent"), Rehearsal = new RehearsalRequest { ApproveAll = true } });

        var done = await RunApi.WaitForAsync(operatorBot, run.Id, r => RunStates.IsTerminal(r.State), "finished");
        done.State.Should().Be(RunStates.Succeeded);
        done.Step("go-no-go").State.Should().Be(StepStates.Succeeded);
        done.Step("briefing").State.Should().Be(StepStates.Succeeded);
    }

    [Fact]
    public async Task Api_WithoutToken_Answers401WithProblem()
    {
        var anonymous = Server.Client();
        var badToken = Server.Client("rbk_not-a-real-token");

        foreach (var client in new[] { anonymous, badToken })
        {
            using var list = await client.GetAsync("api/runs");
            list.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            list.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
            (await RunApi.ReadProblemAsync(list)).Code.Should().Be("unauthenticated");
            using var start = await client.PostAsJsonAsync("api/runs", new StartRunRequest { Yaml = TestRunbooks.Gate }, ApiJson.Options);
            start.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var health = await anonymous.GetAsync("healthz");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_UnderPrivilegedTokens_Answer403AndAreAuditedAsDenied()
    {
        var viewer = Server.Client(await Server.CreateTokenAsync(TokenRole.Viewer, "watcher"));
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));
        var approver = Server.Client(await Server.CreateTokenAsync(TokenRole.Approver, "approver", "U2"));
        var run = await RunApi.StartAsync(operatorBot, new StartRunRequest { Yaml = TestRunbooks.Gate, Rehearsal = new RehearsalRequest() });

        using (var start = await viewer.PostAsJsonAsync("api/runs", new StartRunRequest { Yaml = TestRunbooks.Gate }, ApiJson.Options))
        {
            start.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await RunApi.ReadProblemAsync(start)).Detail.Should().Contain("needs operator");
        }

        (await RunApi.CommandAsync(viewer, run.Id, "pause")).Status.Should().Be(HttpStatusCode.Forbidden);
        var approve = await RunApi.CommandAsync(operatorBot, run.Id, "steps/go/approve");
        approve.Status.Should().Be(HttpStatusCode.Forbidden);
        approve.Problem!.Code.Should().Be("forbidden");
        using (var token = await approver.PostAsJsonAsync("api/tokens", new CreateTokenRequest { Name = "x", Role = ApiRole.Admin }, ApiJson.Options))
        {
            token.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        // Reading is a viewer's right.
        (await RunApi.GetRunAsync(viewer, run.Id)).Id.Should().Be(run.Id);

        var denied = (await viewer.GetFromJsonAsync<AuditListDto>("api/audit?outcome=denied", ApiJson.Options))!.Items;
        denied.Should().Contain(e => e.Actor == "watcher" && e.Action == "start");
        denied.Should().Contain(e => e.Actor == "watcher" && e.Action == "pause" && e.RunId == run.Id);
        denied.Should().Contain(e => e.Actor == "ops-bot" && e.Action == "approve" && e.RunId == run.Id && e.StepId == "go");
        denied.Should().Contain(e => e.Actor == "U2" && e.Action == "token.create");
        (await RunApi.GetRunAsync(viewer, run.Id)).State.Should().Be(RunStates.Running, "nothing refused changed the run");
    }

    [Fact]
    public async Task Commands_SameIdempotencyKeyTwice_ApplyOnce()
    {
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));
        var approver = Server.Client(await Server.CreateTokenAsync(TokenRole.Approver, "approver", "U2"));
        var run = await RunApi.StartAsync(operatorBot, new StartRunRequest { Yaml = TestRunbooks.Gate, Rehearsal = new RehearsalRequest() });
        await RunApi.WaitForAsync(operatorBot, run.Id, r => r.Step("go").State == StepStates.AwaitingApproval, "go awaits approval");

        var pause1 = await RunApi.CommandAsync(operatorBot, run.Id, "pause", "pause-key-1");
        var pause2 = await RunApi.CommandAsync(operatorBot, run.Id, "pause", "pause-key-1");
        var pause3 = await RunApi.CommandAsync(operatorBot, run.Id, "pause", "another-key");
        var approve1 = await RunApi.CommandAsync(approver, run.Id, "steps/go/approve", "click-1");
        var approve2 = await RunApi.CommandAsync(approver, run.Id, "steps/go/approve", null, new StepActionRequest { RequestId = "click-1" });

        pause1.Status.Should().Be(HttpStatusCode.OK);
        pause2.Status.Should().Be(HttpStatusCode.OK, "a repeat of an applied request is answered, not refused");
        pause2.Run!.State.Should().Be(RunStates.Paused);
        pause3.Status.Should().Be(HttpStatusCode.Conflict, "a new request to pause a paused run is illegal");
        pause3.Problem!.Code.Should().Be("illegal_state");
        approve1.Status.Should().Be(HttpStatusCode.OK);
        approve2.Status.Should().Be(HttpStatusCode.OK);
        approve2.Run!.Approvals.Single().Granted.Should().ContainSingle();
        var events = (await operatorBot.GetFromJsonAsync<EventListDto>($"api/runs/{run.Id}/events", ApiJson.Options))!.Items;
        events.Count(e => e.Type == "RunPaused").Should().Be(1);
        events.Count(e => e.Type == "ApprovalGranted").Should().Be(1);
        var allowed = (await operatorBot.GetFromJsonAsync<AuditListDto>($"api/audit?run={run.Id}&outcome=allowed", ApiJson.Options))!.Items;
        allowed.Count(e => e.Action == "approve").Should().Be(1);
        allowed.Count(e => e.Action == "pause").Should().Be(1);
    }

    [Fact]
    public async Task Events_EventStream_DeliversEventsLiveAndResumesAfterLastEventId()
    {
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));
        var approver = Server.Client(await Server.CreateTokenAsync(TokenRole.Approver, "approver", "U2"));
        var run = await RunApi.StartAsync(operatorBot, new StartRunRequest { Yaml = TestRunbooks.Gate, Rehearsal = new RehearsalRequest() });
        await RunApi.WaitForAsync(operatorBot, run.Id, r => r.Step("go").State == StepStates.AwaitingApproval, "go awaits approval");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var stream = await SseReader.OpenAsync(operatorBot, $"api/runs/{run.Id}/events", null, timeout.Token);
        var replayed = await stream.ReadUntilAsync(e => e.Data?.Type == "ApprovalRequested", timeout.Token);
        replayed.Select(e => e.Data!.Type).Should().StartWith(["RunCreated", "RunStarted"]);

        (await RunApi.CommandAsync(approver, run.Id, "steps/go/approve")).Status.Should().Be(HttpStatusCode.OK);
        var live = await stream.ReadUntilAsync(e => e.Event == "end", timeout.Token);
        live.Where(e => e.Data is not null).Select(e => e.Data!.Type).Should().ContainInOrder("ApprovalGranted", "RunSucceeded");
        live[^1].Event.Should().Be("end");
        var sequences = replayed.Concat(live).Where(e => e.Data is not null).Select(e => e.Id!.Value).ToList();
        sequences.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();

        await using var resumed = await SseReader.OpenAsync(operatorBot, $"api/runs/{run.Id}/events", sequences[^2], timeout.Token);
        var rest = await resumed.ReadUntilAsync(e => e.Event == "end", timeout.Token);
        rest.Where(e => e.Data is not null).Select(e => e.Id!.Value).Should().Equal(sequences[^1]);
    }

    [Fact]
    public async Task Start_InvalidRunbook_Answers422WithEveryDiagnostic()
    {
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));
        const string yaml = """
            name: broken
            steps:
              - id: a
                wait: soon
              - id: b
                after: [nowhere]
                wait: 1s
            """;

        using var response = await operatorBot.PostAsJsonAsync("api/runs", new StartRunRequest { Yaml = yaml, FileName = "broken.yaml" }, ApiJson.Options);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await RunApi.ReadProblemAsync(response);
        problem.Code.Should().Be("invalid_runbook");
        problem.Diagnostics.Should().HaveCountGreaterThanOrEqualTo(2);
        problem.Diagnostics!.Should().OnlyContain(d => d.File == "broken.yaml" && d.Line > 0 && d.Column > 0);
        problem.Diagnostics!.Select(d => d.Line).Should().Contain([4, 6]);
        problem.Detail.Should().Contain("broken.yaml:4:");
    }

    [Fact]
    public async Task Start_ByNameFromRunbooksFolder_RunsAndIsListed()
    {
        await Server.WriteRunbookAsync("gate", TestRunbooks.Gate);
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));

        var run = await RunApi.StartAsync(operatorBot, new StartRunRequest { Runbook = "gate", T0 = "2030-01-01T09:00:00Z", Rehearsal = new RehearsalRequest() });
        using var missing = await operatorBot.PostAsJsonAsync("api/runs", new StartRunRequest { Runbook = "../etc/passwd" }, ApiJson.Options);
        var list = await operatorBot.GetFromJsonAsync<RunListDto>("api/runs?state=running", ApiJson.Options);
        var runbooks = await operatorBot.GetFromJsonAsync<List<Contracts.Runbooks.RunbookDto>>("api/runbooks", ApiJson.Options);
        var plan = await operatorBot.GetFromJsonAsync<Contracts.Runbooks.PlanDto>("api/runbooks/gate/plan?t0=2030-01-01T09:00:00Z", ApiJson.Options);

        run.Runbook.Should().Be("gate");
        run.T0.Should().Be(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await RunApi.ReadProblemAsync(missing)).Code.Should().Be("runbook_not_found");
        list!.Items.Should().ContainSingle(r => r.Id == run.Id);
        runbooks.Should().ContainSingle(r => r.Name == "gate" && r.Valid && r.Steps == 2);
        plan!.Steps.Select(s => s.Id).Should().Equal("go", "after");
    }

    [Fact]
    public async Task Commands_UnknownRunOrStep_Answer404()
    {
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));
        var run = await RunApi.StartAsync(operatorBot, new StartRunRequest { Yaml = TestRunbooks.Gate, Rehearsal = new RehearsalRequest() });

        var noRun = await RunApi.CommandAsync(operatorBot, "01jzzzzzzzzzzzzzzzzzzzzzzz", "pause");
        var noStep = await RunApi.CommandAsync(operatorBot, run.Id, "steps/nope/skip");
        using var get = await operatorBot.GetAsync("api/runs/01jzzzzzzzzzzzzzzzzzzzzzzz");

        noRun.Status.Should().Be(HttpStatusCode.NotFound);
        noRun.Problem!.Code.Should().Be("run_not_found");
        noStep.Status.Should().Be(HttpStatusCode.NotFound);
        noStep.Problem!.Code.Should().Be("unknown_step");
        get.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_ReadyAndMetrics_AnswerWithoutToken()
    {
        var anonymous = Server.Client();
        var operatorBot = Server.Client(await Server.CreateTokenAsync(TokenRole.Operator, "ops-bot"));
        await RunApi.StartAsync(operatorBot, new StartRunRequest { Yaml = TestRunbooks.Gate, Rehearsal = new RehearsalRequest() });

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        HttpStatusCode ready;
        do
        {
            using var response = await anonymous.GetAsync("readyz");
            ready = response.StatusCode;
            if (ready != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }
        }
        while (ready != HttpStatusCode.OK && DateTimeOffset.UtcNow < deadline);
        var metrics = await anonymous.GetStringAsync("metrics");

        ready.Should().Be(HttpStatusCode.OK);
        metrics.Should().Contain("# TYPE runbook_runs gauge");
        metrics.Should().Contain("runbook_runs{state=\"running\"} 1");
        metrics.Should().Contain("runbook_outbox_pending ");
        metrics.Should().Contain("runbook_command_duration_seconds_bucket{le=\"+Inf\"}");
    }

    protected abstract Task<string> NewStoreAsync();
}
