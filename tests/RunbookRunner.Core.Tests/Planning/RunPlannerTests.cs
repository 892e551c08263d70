using FluentAssertions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Time;
using static RunbookRunner.Core.Tests.Planning.PlanFixtures;

namespace RunbookRunner.Core.Tests.Planning;

public class RunPlannerTests
{
    [Fact]
    public void Plan_StepsWithoutAfter_EachFollowsThePreviousStep()
    {
        var plan = RunPlanner.Plan(Book(Wait("a", "10m", at: "T+0"), Wait("b", "20m"), Act("c")), T0, null);

        plan.FindStep("a")!.After.Should().BeEmpty();
        plan.FindStep("b")!.After.Should().Equal("a");
        plan.FindStep("c")!.After.Should().Equal("b");
        plan.FindStep("b")!.PlannedStart.Should().Be(T0 + Min(10));
        plan.FindStep("c")!.PlannedStart.Should().Be(T0 + Min(30));
        plan.FindStep("c")!.TOffsetText.Should().Be("T+30m");
        plan.PlannedFinish.Should().Be(T0 + Min(30));
    }

    [Fact]
    public void Plan_AfterList_WaitsForTheLatestDependency()
    {
        var plan = RunPlanner.Plan(
            Book(Wait("a", "10m", at: "T+0"), Wait("b", "45m", after: ["a"]), Wait("c", "5m", after: ["a"]), Act("d", after: ["b", "c"])),
            T0,
            null);

        plan.FindStep("d")!.After.Should().Equal("b", "c");
        plan.FindStep("d")!.PlannedStart.Should().Be(T0 + Min(55));
    }

    [Fact]
    public void Plan_StepsWithSameDependencies_FormAParallelGroup()
    {
        var plan = RunPlanner.Plan(
            Book(Act("a", at: "T+0"), Wait("b", "5m", after: ["a"]), Wait("c", "5m", after: ["a"]), Act("d", after: ["b", "c"]), Act("e", after: ["c", "b"])),
            T0,
            null);

        plan.ParallelGroups.Should().HaveCount(2);
        plan.ParallelGroups[0].Should().Equal("b", "c");
        plan.ParallelGroups[1].Should().Equal("d", "e");
        plan.FindStep("b")!.ParallelGroup.Should().Be(1);
        plan.FindStep("c")!.ParallelGroup.Should().Be(1);
        plan.FindStep("e")!.ParallelGroup.Should().Be(2);
        plan.FindStep("a")!.ParallelGroup.Should().BeNull();
        plan.FindStep("b")!.PlannedStart.Should().Be(plan.FindStep("c")!.PlannedStart);
    }

    [Fact]
    public void Plan_AnchorLaterThanDependencies_StartsAtAnchorOnTime()
    {
        var plan = RunPlanner.Plan(Book(Wait("a", "10m", at: "T-2h"), Act("b", at: "T-1h")), T0, null);

        var b = plan.FindStep("b")!;
        b.PlannedStart.Should().Be(T0 - TimeSpan.FromHours(1));
        b.AnchorTime.Should().Be(T0 - TimeSpan.FromHours(1));
        b.IsBehindAnchor.Should().BeFalse();
        b.TOffsetText.Should().Be("T-1h");
    }

    [Fact]
    public void Plan_DependencyFinishesAfterAnchor_PushesStepAndReportsHowFarBehind()
    {
        var plan = RunPlanner.Plan(Book(Wait("soak", "90m", at: "T-1h"), Act("cutover", at: "T+0")), T0, null);

        var cutover = plan.FindStep("cutover")!;
        cutover.PlannedStart.Should().Be(T0 + Min(30));
        cutover.IsBehindAnchor.Should().BeTrue();
        cutover.BehindAnchor.Should().Be(Min(30));
        cutover.TOffsetText.Should().Be("T+30m");
    }

    [Fact]
    public void Plan_WorstCase_AddsApprovalTimeoutsAttemptsAndBackoffs()
    {
        var deploy = Act("deploy", timeout: "10m") with
        {
            Retry = new RetryPolicy(3, TimeSpan.FromSeconds(30), 2.0),
            Approval = new ApprovalSpec { Roles = ["leads"], Timeout = Min(15) },
        };
        var plan = RunPlanner.Plan(Book(Approval("go", "30m", at: "T+0"), deploy, Act("announce", at: "T+0")), T0, null);

        var go = plan.FindStep("go")!;
        go.PlannedFinish.Should().Be(T0, "an approval is expected to take no time");
        go.PlannedFinishLatest.Should().Be(T0 + Min(30));

        var d = plan.FindStep("deploy")!;
        d.HasApproval.Should().BeTrue();
        d.PlannedStartLatest.Should().Be(T0 + Min(30));

        // 15m approval + 3 × 10m attempts + 30s + 60s of backoff.
        d.LatestDuration.Should().Be(Min(45) + TimeSpan.FromSeconds(90));
        d.PlannedFinishLatest.Should().Be(T0 + Min(75) + TimeSpan.FromSeconds(90));
        plan.FindStep("announce")!.BehindAnchorLatest.Should().Be(Min(75) + TimeSpan.FromSeconds(90));
        plan.FindStep("announce")!.IsBehindAnchor.Should().BeFalse();
    }

    [Fact]
    public void Plan_StepWithoutOwnTimeout_UsesRunbookDefaultForWorstCase()
    {
        var book = Book(Act("a", at: "T+0"), Act("b")) with { Defaults = new StepDefaults { Timeout = Min(15) } };

        var plan = RunPlanner.Plan(book, T0, null);

        plan.FindStep("b")!.PlannedFinishLatest.Should().Be(T0 + Min(30));
        plan.PlannedFinishLatest.Should().Be(T0 + Min(30));
    }

    [Fact]
    public void Plan_LondonAcrossSpringForward_ShowsClockTimesWithTheRightOffset()
    {
        // Clocks in London go from 01:00 GMT to 02:00 BST on 29 March 2026 (01:00 UTC).
        var t0 = new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.Zero); // 10:00 BST
        var book = Book(Act("before", at: "T-9h"), Act("after", at: "T-7h"), Act("launch", at: "T+0")) with { TimeZone = "Europe/London" };

        var plan = RunPlanner.Plan(book, t0, null);

        var before = plan.FindStep("before")!.ClockTime;
        before.Local.Should().Be(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero));
        before.Abbreviation.Should().Be("GMT");
        before.TimeOfDay.Should().Be("00:00");

        var after = plan.FindStep("after")!.ClockTime;
        after.TimeOfDay.Should().Be("03:00", "two elapsed hours later the clocks have jumped forward an hour");
        after.Local.Offset.Should().Be(TimeSpan.FromHours(1));
        after.Abbreviation.Should().Be("BST");
        after.Iso.Should().Be("2026-03-29T03:00:00+01:00");

        plan.FindStep("launch")!.ClockTime.TimeOfDay.Should().Be("10:00");
        plan.TimeZone.Should().Be("Europe/London");
    }

    [Fact]
    public void Plan_OneDayAnchorAcrossFallBack_IsElapsedTimeSoTheClockShowsAnHourEarlier()
    {
        // New York falls back from EDT to EST on 1 November 2026.
        var t0 = new DateTimeOffset(2026, 10, 31, 14, 0, 0, TimeSpan.FromHours(-4)); // 14:00 EDT
        var book = Book(Act("launch", at: "T+0"), Act("review", at: "T+1d")) with { TimeZone = "America/New_York" };

        var plan = RunPlanner.Plan(book, t0, null);

        plan.FindStep("launch")!.ClockTime.ToString().Should().Be("Sat 31 Oct 14:00 EDT");
        plan.FindStep("review")!.ClockTime.ToString().Should().Be("Sun 01 Nov 13:00 EST");
    }

    [Fact]
    public void Plan_CriticalPath_FollowsTheChainThatFinishesLast()
    {
        var plan = RunPlanner.Plan(
            Book(
                Act("start", at: "T+0"),
                Wait("short", "5m", after: ["start"]),
                Wait("long", "40m", after: ["start"]),
                Act("join", after: ["short", "long"]),
                Wait("side", "10m", after: ["start"])),
            T0,
            null);

        plan.CriticalPath.Should().Equal("start", "long", "join");
        plan.FindStep("long")!.Critical.Should().BeTrue();
        plan.FindStep("short")!.Critical.Should().BeFalse();
        plan.FindStep("side")!.Critical.Should().BeFalse();
    }

    [Fact]
    public void Plan_CriticalPath_StartsAtTheAnchorThatSetsTheStart()
    {
        var plan = RunPlanner.Plan(Book(Wait("prep", "10m", at: "T-3h"), Act("launch", at: "T+0"), Wait("watch", "2h")), T0, null);

        plan.CriticalPath.Should().Equal("launch", "watch");
        plan.FindStep("prep")!.Critical.Should().BeFalse();
    }

    [Fact]
    public void Plan_CriticalPath_UsesWorstCaseDurations()
    {
        var plan = RunPlanner.Plan(
            Book(
                Act("start", at: "T+0"),
                Act("migrate", after: ["start"], timeout: "2h"),
                Wait("soak", "30m", after: ["start"]),
                Act("open", after: ["migrate", "soak"])),
            T0,
            null);

        plan.CriticalPath.Should().Equal("start", "migrate", "open");
        plan.FindStep("open")!.PlannedStart.Should().Be(T0 + Min(30), "the expected schedule counts actions as instant");
        plan.FindStep("open")!.PlannedStartLatest.Should().Be(T0 + TimeSpan.FromHours(2));
    }

    [Fact]
    public void Plan_StepOnlyInOtherEnvironment_IsSkippedAndTakesNoTime()
    {
        var staging = Wait("staging-soak", "1h") with { Only = ["staging"], At = TimeAnchor.Parse("T+1h") };
        var book = Book(Act("deploy", at: "T+0"), staging, Act("announce"));

        var production = RunPlanner.Plan(book, T0, "production");
        var stagingPlan = RunPlanner.Plan(book, T0, "staging");
        var none = RunPlanner.Plan(book, T0, null);

        production.FindStep("staging-soak")!.Skipped.Should().BeTrue();
        production.FindStep("announce")!.PlannedStart.Should().Be(T0, "a skipped step neither waits for its anchor nor takes time");
        production.Environment.Should().Be("production");
        stagingPlan.FindStep("staging-soak")!.Skipped.Should().BeFalse();
        stagingPlan.FindStep("announce")!.PlannedStart.Should().Be(T0 + TimeSpan.FromHours(2));
        none.FindStep("staging-soak")!.Skipped.Should().BeTrue();
    }

    [Fact]
    public void Plan_RecurringStepWithUntil_CountsOccurrencesAndDependentsWaitForTheLast()
    {
        var health = Act("health", at: "T+0") with { Every = TimeSpan.FromHours(1), Until = TimeAnchor.Parse("T+3h30m") };
        var plan = RunPlanner.Plan(Book(health, Act("close")), T0, null);

        var recurrence = plan.FindStep("health")!.Recurrence!;
        recurrence.FirstOccurrence.Should().Be(T0);
        recurrence.Occurrences.Should().Be(4);
        recurrence.LastOccurrence.Should().Be(T0 + TimeSpan.FromHours(3));
        recurrence.UntilTime.Should().Be(T0 + TimeSpan.FromMinutes(210));
        plan.FindStep("close")!.PlannedStart.Should().Be(T0 + TimeSpan.FromHours(3));
    }

    [Fact]
    public void Plan_RecurringStepStartingLateInTheWorstCase_StillFinishesNoEarlierThanExpected()
    {
        var health = Act("health", timeout: "5m") with { Every = TimeSpan.FromHours(1), Until = TimeAnchor.Parse("T+3h") };
        var plan = RunPlanner.Plan(Book(Act("cutover", at: "T+0", timeout: "20m"), health), T0, null);

        var step = plan.FindStep("health")!;
        step.PlannedFinish.Should().Be(T0 + TimeSpan.FromHours(3));
        step.PlannedFinishLatest.Should().Be(T0 + TimeSpan.FromHours(3) + Min(5), "an occurrence may fall right at 'until' once the start shifts");
    }

    [Fact]
    public void Plan_RecurringStepWithoutUntil_DependentsWaitForTheFirstOccurrence()
    {
        var health = Act("health", at: "T+0") with { Every = Min(5) };
        var plan = RunPlanner.Plan(Book(health, Act("close")), T0, null);

        plan.FindStep("health")!.Recurrence!.Occurrences.Should().BeNull();
        plan.FindStep("close")!.PlannedStart.Should().Be(T0);
    }

    [Fact]
    public void Plan_Rollback_ListsUndosInReverseCompletionOrderThenRollbackSteps()
    {
        var undo = new ActionCall("http", MapValue.Empty, SourceLocation.None);
        var book = Book(
            Act("maintenance-on", at: "T-1h") with { Undo = undo },
            Act("migrate") with { Undo = new ActionCall("postgres.restore", MapValue.Empty, SourceLocation.None) },
            Act("smoke"),
            Act("dns", at: "T+0") with { Undo = undo, Only = ["production"] }) with
        {
            Rollback = [Act("status-page")],
        };

        var plan = RunPlanner.Plan(book, T0, "production");
        var staging = RunPlanner.Plan(book, T0, "staging");

        plan.Rollback.Select(r => (r.Id, r.Source)).Should().Equal(
            ("dns", CompensationSource.Undo),
            ("migrate", CompensationSource.Undo),
            ("maintenance-on", CompensationSource.Undo),
            ("status-page", CompensationSource.Rollback));
        plan.Rollback[1].Action.Should().Be("postgres.restore");
        staging.Rollback.Select(r => r.Id).Should().NotContain("dns", "a skipped step never completes, so it has nothing to undo");
    }

    [Fact]
    public void Plan_Guard_IsActiveFromItsStepsFinishUntilItsAnchor()
    {
        var book = Book(Wait("cutover", "10m", at: "T+0"), Act("announce")) with
        {
            TimeZone = "Europe/Paris",
            Guards =
            [
                new Guard
                {
                    Id = "error-rate",
                    From = "cutover",
                    Until = TimeAnchor.Parse("T+2h"),
                    Every = TimeSpan.FromSeconds(30),
                    Check = new GuardCheck { Url = "http://x/metrics" },
                    Then = GuardResponse.Rollback,
                },
            ],
        };

        var guard = RunPlanner.Plan(book, T0, null).Guards.Single();

        guard.ActiveFrom.Should().Be(T0 + Min(10));
        guard.ActiveUntil.Should().Be(T0 + TimeSpan.FromHours(2));
        guard.ActiveFromClock.TimeOfDay.Should().Be("14:10");
        guard.ActiveUntilClock!.Abbreviation.Should().Be("CEST");
        guard.Then.Should().Be(GuardResponse.Rollback);
    }

    [Fact]
    public void Plan_FirstStepWithoutAnchor_StartsAtTheEarliestAnchorOfTheRun()
    {
        var plan = RunPlanner.Plan(Book(Act("prepare"), Act("go-no-go", at: "T-6h", after: [])), T0, null);

        plan.RunStart.Should().Be(T0 - TimeSpan.FromHours(6));
        plan.FindStep("prepare")!.PlannedStart.Should().Be(T0 - TimeSpan.FromHours(6));
        plan.FindStep("prepare")!.TOffsetText.Should().Be("T-6h");
    }

    [Fact]
    public void Plan_EmptyRunbook_HasNoStepsAndFinishesAtT0()
    {
        var plan = RunPlanner.Plan(Book(), T0, null);

        plan.Steps.Should().BeEmpty();
        plan.CriticalPath.Should().BeEmpty();
        plan.PlannedFinish.Should().Be(T0);
    }

    [Fact]
    public void Plan_UnknownTimeZone_ThrowsNamingTheZone()
    {
        var act = () => RunPlanner.Plan(Book(Act("a")) with { TimeZone = "Mars/Olympus" }, T0, null);

        act.Should().Throw<ArgumentException>().WithMessage("*Mars/Olympus*");
    }

    [Fact]
    public void Plan_DependencyCycle_ThrowsNamingTheCycle()
    {
        var act = () => RunPlanner.Plan(Book(Act("a", after: ["c"]), Act("b", after: ["a"]), Act("c", after: ["b"])), T0, null);

        act.Should().Throw<InvalidOperationException>().WithMessage("*a -> c -> b -> a*");
    }

    [Fact]
    public void Plan_Timeline_OrdersStepsByPlannedStart()
    {
        var plan = RunPlanner.Plan(Book(Act("late", at: "T+1h"), Act("early", at: "T-1h", after: [])), T0, null);

        plan.Timeline().Select(s => s.Id).Should().Equal("early", "late");
        plan.Steps.Select(s => s.Id).Should().Equal("late", "early");
    }
}
