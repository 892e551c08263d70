using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Execution;
using RunbookRunner.Engine.Rehearsal;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Engine.Tests.Support;
using RunbookRunner.TestKit;
using Xunit;

namespace RunbookRunner.Engine.Tests.Running;

/// <summary>The engine over a real store; run once on SQLite and once on PostgreSQL.</summary>
public abstract class EngineRunTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    protected abstract Task<string> NewStoreAsync();

    private const string SmallRunbook = """
        name: small
        roles: { leads: [U-LEAD, U-A, U-B], sre: [U-SRE] }
        defaults: { timeout: 5m }
        steps:
          - id: go
            approval: { roles: [leads], required: 2, forbid_self: true, timeout: 30m }
          - id: migrate
            action: shell
            with: { run: "./migrate.sh" }
            idempotent: false
            undo: { action: shell, with: { run: "./migrate.sh down" } }
          - id: check
            after: [go]
            action: http.check
            with: { checks: [ { url: "http://127.0.0.1:9/healthz", expect_status: 200 } ] }
        """;

    private static StartRunRequest Request(string yaml, DateTimeOffset t0, RehearsalSettings? rehearsal = null, string? env = null) => new()
    {
        RunbookYaml = yaml,
        SourcePath = "test.yaml",
        T0 = t0,
        Environment = env,
        StartedBy = "U-LEAD",
        Source = "cli",
        Rehearsal = rehearsal,
    };

    [Fact]
    public async Task Rehearse_LaunchDayWithApproveAll_SucceedsAndNarratesEveryEventInOrder()
    {
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync());
        var yaml = await File.ReadAllTextAsync(Repo.File("runbooks", "launch-day.yaml"));
        using var timeout = new CancellationTokenSource(Deadline);

        var end = await node.Driver(new RehearsalOptions { ApproveAll = true })
            .RunAsync(Request(yaml, node.Clock.GetUtcNow() + TimeSpan.FromHours(7), new RehearsalSettings(), "staging"), timeout.Token);

        end.Status.Should().Be(RunStatus.Succeeded, end.EndReason ?? end.PauseReason);
        end.Steps.Values.Should().OnlyContain(s => s.Status == StepStatus.Succeeded || s.Status == StepStatus.Skipped);
        var journal = await node.JournalAsync(end.RunId);
        RunState.Fold(end.RunId, end.Runbook, journal).Should().BeEquivalentTo(end, o => o.Excluding(s => s.Version));
        node.Sink.Received.Select(m => m.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), "every event is narrated once, in order");
    }

    [Fact]
    public async Task Rehearse_ApprovalWithCountsPerRole_ApproveAllAsksOnlyPeopleWhoCount()
    {
        const string yaml = """
            name: quorum
            roles: { release: [U-R1, U-R2, U-R3], product: [U-P] }
            steps:
              - id: sign
                approval: { roles: [release, product], required: all, timeout: 30m }
            """;
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync());
        using var timeout = new CancellationTokenSource(Deadline);

        var end = await node.Driver(new RehearsalOptions { ApproveAll = true })
            .RunAsync(Request(yaml, node.Clock.GetUtcNow() + TimeSpan.FromHours(1), new RehearsalSettings()), timeout.Token);

        end.Status.Should().Be(RunStatus.Succeeded, end.EndReason ?? end.PauseReason);
        (await node.JournalAsync(end.RunId)).OfType<ApprovalGranted>().Select(g => g.By).Should().Equal(
            ["U-R1", "U-P"], "a second release approver would not count, so the rehearsal moves on to product");
    }

    [Fact]
    public async Task Rehearse_SmokeFails_RollsBackUndoingInReverseCompletionOrder()
    {
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync());
        var yaml = await File.ReadAllTextAsync(Repo.File("runbooks", "launch-day.yaml"));
        using var timeout = new CancellationTokenSource(Deadline);

        var end = await node.Driver(new RehearsalOptions { ApproveAll = true })
            .RunAsync(Request(yaml, node.Clock.GetUtcNow() + TimeSpan.FromHours(7), RehearsalSettings.WithFailures(["smoke"]), "staging"), timeout.Token);

        end.Status.Should().Be(RunStatus.RolledBack, end.EndReason ?? end.PauseReason);
        var journal = await node.JournalAsync(end.RunId);
        var undone = journal.OfType<CompensationStarted>().Select(c => c.StepId).ToList();
        var completedWithUndo = journal.OfType<StepSucceeded>().Select(s => s.StepId)
            .Where(id => end.Runbook.FindStep(id)?.Undo is not null).Reverse().ToList();
        undone.Take(completedWithUndo.Count).Should().Equal(completedWithUndo);
        undone.Skip(completedWithUndo.Count).Should().Equal(
            end.Runbook.Rollback.Where(r => r.Only.Count == 0 || r.Only.Contains("staging")).Select(r => r.Id), "rollback steps only for production stay out of a staging rollback");
        journal.OfType<StepFailed>().Where(f => f.StepId == "smoke").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Approve_ByUserOutsideTheRoles_IsRefusedAndAudited()
    {
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync(), actions: [ScriptedAction.Succeeding("shell"), ScriptedAction.Succeeding("http.check")]);
        var run = await node.Engine.StartAsync(Request(SmallRunbook, node.Clock.GetUtcNow()));

        var denied = await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-SRE", "slack")), new SubmitContext { AuditAction = "approve" });
        var self = await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-LEAD", "api")), new SubmitContext { AuditAction = "approve" });

        denied.Error!.Code.Should().Be(DecisionErrorCodes.NotAllowed);
        self.Error!.Code.Should().Be(DecisionErrorCodes.SelfApproval);
        var audit = await node.Audit.ListAsync(new AuditQuery { RunId = run.RunId });
        audit.Where(a => a.Outcome == AuditOutcome.Denied).Select(a => a.Actor).Should().BeEquivalentTo(["U-SRE", "U-LEAD"]);
    }

    [Fact]
    public async Task Submit_SameCommandKeyTwice_AppliesOnce()
    {
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync(), actions: [ScriptedAction.Succeeding("shell"), ScriptedAction.Succeeding("http.check")]);
        var run = await node.Engine.StartAsync(Request(SmallRunbook, node.Clock.GetUtcNow()));

        var first = await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-A", "slack")), new SubmitContext { CommandKey = "click-1", AuditAction = "approve" });
        node.Engine.Forget(run.RunId);
        var replay = await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-B", "slack")), new SubmitContext { CommandKey = "click-1", AuditAction = "approve" });

        first.Outcome.Should().Be(SubmitOutcome.Applied);
        replay.Outcome.Should().Be(SubmitOutcome.Duplicate);
        var state = await node.Engine.GetStateAsync(run.RunId);
        state!.Approvals["go"].Grants.Select(g => g.By).Should().Equal("U-A");
    }

    [Fact]
    public async Task Run_ActionsForReal_CompleteAndStoreLogs()
    {
        var shell = new ScriptedAction("shell", (ctx, _) =>
        {
            ctx.Log.Write($"migrating with key {ctx.IdempotencyKey}");
            return Task.FromResult(ActionResult.Success("migrated", new Dictionary<string, string> { ["exit_code"] = "0" }));
        });
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync(), actions: [shell, ScriptedAction.Succeeding("http.check")]);
        var run = await node.Engine.StartAsync(Request(SmallRunbook, node.Clock.GetUtcNow()));

        await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-A", "slack")));
        await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-B", "slack")));

        var end = await WaitForAsync(node, run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.Succeeded);
        end.Step("migrate").Outputs.Should().ContainKey("exit_code");
        shell.Calls.Should().Equal($"{run.RunId}/migrate/1");
        var logs = await node.Logs.ReadAsync(run.RunId, "migrate");
        logs.Select(l => l.Text).Should().Contain($"migrating with key {run.RunId}/migrate/1");
        var record = await node.Store.GetRunAsync(run.RunId);
        record!.State.Should().Be("succeeded");
    }

    [Fact]
    public async Task Recovery_NodeDiedMidStep_InterruptsNonIdempotentAndRerunsIdempotentOnAnotherNode()
    {
        var store = await NewStoreAsync();
        const string yaml = """
            name: crash
            defaults: { timeout: 10m }
            steps:
              - id: migrate
                action: shell
                with: { run: "./migrate.sh" }
                undo: { action: shell, with: { run: "./migrate.sh down" } }
              - id: check
                after: []
                action: http.check
                with: { checks: [ { url: "http://127.0.0.1:9/", expect_status: 200 } ] }
            """;
        string runId;
        var clock = new TestKit.Time.ManualTimeProvider();
        await using (var doomed = await EngineHarness.StartAsync(store, clock, [ScriptedAction.Hanging("shell"), ScriptedAction.Hanging("http.check")], nodeId: "node-a"))
        {
            runId = (await doomed.Engine.StartAsync(Request(yaml, clock.GetUtcNow()))).RunId;
            (await doomed.Engine.GetStateAsync(runId))!.RunningSteps.Should().HaveCount(2);
        }

        var check = ScriptedAction.Succeeding("http.check");
        await using var survivor = await EngineHarness.StartAsync(store, clock, [ScriptedAction.Succeeding("shell"), check], nodeId: "node-b");
        await survivor.Recovery.StartAsync(CancellationToken.None);
        await survivor.Recovery.Ready.Task.WaitAsync(Deadline);

        var state = await WaitForAsync(survivor, runId, s => s.Step("check").Status == StepStatus.Succeeded);
        await survivor.Recovery.StopAsync(CancellationToken.None);
        state.Step("migrate").Status.Should().Be(StepStatus.Interrupted, "a non-idempotent step is never re-run blindly");
        state.Status.Should().Be(RunStatus.Paused);
        check.Calls.Should().ContainSingle("the idempotent step runs again, once, with the same key").Which.Should().Be($"{runId}/check/1");
        var journal = await survivor.JournalAsync(runId);
        journal.OfType<StepStarted>().Where(s => s.StepId == "check").Select(s => s.Node).Should().Equal("node-a", "node-b");
    }

    [Fact]
    public async Task TwoNodes_AdvancingOneRunConcurrently_StartEachAttemptOnce()
    {
        var store = await NewStoreAsync();
        var steps = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"""
              - id: s{i}
                after: []
                action: http.check
                with: {"{"} checks: [ {"{"} url: "http://127.0.0.1:9/{i}", expect_status: 200 {"}"} ] {"}"}
            """));
        var yaml = $"name: fanout\ndefaults: {{ timeout: 1m }}\nsteps:\n{steps}\n";
        var clock = new TestKit.Time.ManualTimeProvider();
        await using var a = await EngineHarness.StartAsync(store, clock, [ScriptedAction.Succeeding("http.check")], nodeId: "node-a");
        await using var b = await EngineHarness.StartAsync(store, clock, [ScriptedAction.Succeeding("http.check")], nodeId: "node-b");
        var run = await a.Engine.StartAsync(Request(yaml, clock.GetUtcNow()));

        // Node b keeps re-deciding the same run while node a's results arrive.
        for (var i = 0; i < 20; i++)
        {
            await b.Engine.SubmitAsync(run.RunId, new Tick());
            b.Engine.Forget(run.RunId);
        }

        var end = await WaitForAsync(a, run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.Succeeded);
        var started = (await a.JournalAsync(run.RunId)).OfType<StepStarted>().ToList();
        started.GroupBy(s => (s.StepId, s.Attempt)).Should().OnlyContain(g => g.Count() == 1);
        started.Should().HaveCount(12);
    }

    private const string ParkedRunbook = """
        name: parked
        roles: { leads: [U-A, U-B, U-C] }
        steps:
          - id: go
            approval: { roles: [leads], required: 2, timeout: 30m }
          - id: settle
            wait: 0s
        """;

    [Fact]
    public async Task Submit_RunParkedOnApproval_HoldsNoStateAndResumesFromTheJournal()
    {
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync());
        var run = await node.Engine.StartAsync(Request(ParkedRunbook, node.Clock.GetUtcNow()));
        node.Engine.CachedRuns.Should().Be(0, "a run waiting for people is re-read when it moves");

        await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-A", "slack")));
        var end = await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-B", "slack")));

        end.State.Status.Should().Be(RunStatus.Succeeded);
        var journal = await node.JournalAsync(run.RunId);
        RunState.Fold(run.RunId, end.State.Runbook, journal).Should().BeEquivalentTo(end.State, o => o.Excluding(s => s.Version));
        node.Engine.CachedRuns.Should().Be(0);
    }

    [Fact]
    public async Task Submit_WakeUnchangedByADecision_IsNotSetAgain()
    {
        CountingWakes? wakes = null;
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync(), configure: services =>
            services.AddSingleton<Scheduling.IRunWakeScheduler>(sp => wakes = new CountingWakes(sp.GetRequiredService<Scheduling.TimerWakeScheduler>())));
        var start = node.Clock.GetUtcNow();
        var run = await node.Engine.StartAsync(Request(ParkedRunbook, start));

        await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-A", "slack")));
        await node.Engine.SubmitAsync(run.RunId, new Tick());
        wakes!.Set.Should().Equal([start + TimeSpan.FromMinutes(30)], "the approval timeout is set once, however often the run moves");

        await node.Engine.SubmitAsync(run.RunId, new Approve("go", new Actor("U-B", "slack")));

        wakes.Set.Should().Equal(start + TimeSpan.FromMinutes(30), null);
    }

    /// <summary>One empty step anchored a minute after T0: its start is a timed wake.</summary>
    private const string TimedRunbook = """
        name: timed
        steps:
          - id: later
            at: T+1m
            wait: 0s
        """;

    [Fact]
    public async Task Wake_FiredBeforeTheStepIsDue_SetsTheSameWakeAgainAndTheStepStartsOnTime()
    {
        CountingWakes? wakes = null;
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync(), configure: services =>
            services.AddSingleton<Scheduling.IRunWakeScheduler>(sp => wakes = new CountingWakes(sp.GetRequiredService<Scheduling.TimerWakeScheduler>())));
        var start = node.Clock.GetUtcNow();
        var run = await node.Engine.StartAsync(Request(TimedRunbook, start));
        var due = start + TimeSpan.FromMinutes(1);
        wakes!.Set.Should().Equal(due);

        // The scheduler's trigger fired a hair early (and is gone): the tick finds nothing due.
        node.Clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
        await node.Engine.WakeAsync(run.RunId);

        wakes.Set.Should().Equal([due, due], "a fired trigger is consumed, so the same instant must be set again");
        node.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var end = await WaitForAsync(node, run.RunId, s => s.IsTerminal);
        end.Status.Should().Be(RunStatus.Succeeded);
    }

    [Fact]
    public async Task Recovery_RunWhoseWakeWasLost_IsWokenByTheSweep()
    {
        var clock = new TestKit.Time.ManualTimeProvider();
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync(), clock, configure: services =>
            services.AddSingleton<Scheduling.IRunWakeScheduler, LosingWakes>());
        var run = await node.Engine.StartAsync(Request(TimedRunbook, clock.GetUtcNow()));
        await node.Recovery.StartAsync(CancellationToken.None);
        await node.Recovery.Ready.Task.WaitAsync(Deadline);

        // The step's wake never fires; sweeps every 10 s notice it once it is a node time-out (20 s) overdue.
        var waited = TimeSpan.Zero;
        RunState state;
        while (!(state = (await node.Engine.GetStateAsync(run.RunId))!).IsTerminal && waited < TimeSpan.FromMinutes(5))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        await node.Recovery.StopAsync(CancellationToken.None);
        state.Status.Should().Be(RunStatus.Succeeded);
        var started = (await node.JournalAsync(run.RunId)).OfType<StepStarted>().Single();
        (started.At - run.T0).Should().BeGreaterThan(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(20)).And.BeLessThan(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(35));
    }

    [Fact]
    public async Task Recovery_NodeCutOffFromItsDatabase_StopsItsActionsBeforeOthersTakeOverAndReportsThemWhenBack()
    {
        const string yaml = """
            name: cut-off
            defaults: { timeout: 1h }
            steps:
              - id: migrate
                action: shell
                with: { run: "./migrate.sh" }
                idempotent: false
                undo: { action: shell, with: { run: "./migrate.sh down" } }
              - id: check
                after: []
                action: http.check
                with: { checks: [ { url: "http://127.0.0.1:9/", expect_status: 200 } ] }
            """;
        var clock = new TestKit.Time.ManualTimeProvider();
        var stopped = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shell = new ScriptedAction("shell", async (_, ct) =>
        {
            using var registration = ct.Register(() => stopped.TrySetResult(clock.GetUtcNow()));
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return ActionResult.Failure("unreachable");
        });
        var check = ScriptedAction.Hanging("http.check");
        FailingLeases? leases = null;
        await using var node = await EngineHarness.StartAsync(await NewStoreAsync(), clock, [shell, check], configure: services =>
            services.AddSingleton<IRunLeaseStore>(sp => leases = new FailingLeases(sp.GetRequiredService<Storage.RunbookStorage>().Leases)));
        var run = await node.Engine.StartAsync(Request(yaml, clock.GetUtcNow()));
        await node.Recovery.StartAsync(CancellationToken.None);
        await node.Recovery.Ready.Task.WaitAsync(Deadline);

        leases!.Down = true;
        var cutOff = clock.GetUtcNow();
        for (var i = 0; i < 60 && !stopped.Task.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        var stoppedAt = await stopped.Task.WaitAsync(Deadline);
        (stoppedAt - cutOff).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10), "a missed heartbeat or two is no reason to stop")
            .And.BeLessThan(TimeSpan.FromSeconds(20), "its actions stop before the other nodes presume it dead (node time-out 20 s)");

        leases.Down = false;
        RunState state;
        var waited = 0;
        while ((state = (await node.Engine.GetStateAsync(run.RunId))!).Status != RunStatus.Paused && waited++ < 60)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        await node.Recovery.StopAsync(CancellationToken.None);
        state.Step("migrate").Status.Should().Be(StepStatus.Interrupted, "it was stopped mid-way and is not idempotent: a person decides");
        state.Step("check").Status.Should().Be(StepStatus.Running, "an idempotent step simply runs again");
        shell.Calls.Should().ContainSingle();
        check.Calls.Should().Equal($"{run.RunId}/check/1", $"{run.RunId}/check/1");
    }

    private static async Task<RunState> WaitForAsync(EngineHarness node, string runId, Func<RunState, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            node.Engine.Forget(runId);
            var state = await node.Engine.GetStateAsync(runId, timeout.Token);
            if (state is not null && condition(state))
            {
                return state;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, timeout.Token);
        }
    }
}
