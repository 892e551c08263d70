using FluentAssertions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;
using Xunit;
using static RunbookRunner.Core.Tests.Runs.TestRunbooks;

namespace RunbookRunner.Core.Tests.Runs;

public class RunDeciderGuardTests
{
    private static Runbook WithGuard(GuardResponse then, ApprovalSpec? approval = null) =>
        Of(Action("cutover").WithUndo(), new Step { Id = "watch", Kind = StepKind.Wait, Wait = TimeSpan.FromHours(1) }) with
        {
            Guards =
            [
                new Guard
                {
                    Id = "error-rate",
                    From = "cutover",
                    Until = TimeAnchor.Parse("T+2h"),
                    Every = TimeSpan.FromSeconds(30),
                    Check = new GuardCheck { Url = "http://127.0.0.1/metrics", JsonPath = "$.value", Above = 0.05, For = TimeSpan.FromMinutes(1) },
                    Then = then,
                    Approval = approval,
                },
            ],
        };

    [Fact]
    public void Guard_SustainedBreach_TripsAndRollsBack()
    {
        var run = new RunHarness(WithGuard(GuardResponse.Rollback), now: RunHarness.T0);
        run.Start();
        run.Succeed("cutover");
        run.Commands.OfType<PollGuard>().Single().GuardId.Should().Be("error-rate");
        run.Wake.Should().Be(run.Now + TimeSpan.FromSeconds(30));

        run.Send(new GuardPolled("error-rate", 0.09, true, "error rate 0.09 > 0.05"));
        run.After(TimeSpan.FromSeconds(30));
        run.Send(new GuardPolled("error-rate", 0.01, false, "ok"));
        run.After(TimeSpan.FromSeconds(30));
        run.Send(new GuardPolled("error-rate", 0.08, true, "error rate 0.08 > 0.05"));
        run.State.Guards["error-rate"].Status.Should().Be(GuardStatus.Active, "the breach restarted after a healthy reading");
        run.After(TimeSpan.FromSeconds(60));

        run.Send(new GuardPolled("error-rate", 0.07, true, "error rate 0.07 > 0.05"));

        run.LastEvents.OfType<GuardTripped>().Should().ContainSingle();
        run.State.Status.Should().Be(RunStatus.RollingBack);
        run.Commands.OfType<ExecuteCompensation>().Single().StepId.Should().Be("cutover", "a running wait needs no cancelling, so the undo starts at once");
    }

    [Fact]
    public void Decide_RehearsalGuardReadHealthy_StopsPollingUntilSomethingElseIsDue()
    {
        var run = new RunHarness(WithGuard(GuardResponse.Rollback), now: RunHarness.T0, rehearsal: true);
        run.Start();
        run.Succeed("cutover");
        run.Wake.Should().Be(run.Now + TimeSpan.FromSeconds(30), "the first reading is still to come");

        run.Send(new GuardPolled("error-rate", 0.01, false, "rehearsal: healthy"));

        run.Wake.Should().Be(RunHarness.T0 + TimeSpan.FromHours(1), "a simulated healthy guard cannot change, so only the watch's end is due");
        run.After(TimeSpan.FromSeconds(30));
        run.Commands.OfType<PollGuard>().Should().BeEmpty();
        run.At(RunHarness.T0 + TimeSpan.FromHours(2));
        run.State.Guards["error-rate"].Status.Should().Be(GuardStatus.Expired);
    }

    [Fact]
    public void Decide_RehearsalGuardBreached_KeepsPollingUntilItTrips()
    {
        var run = new RunHarness(WithGuard(GuardResponse.Rollback), now: RunHarness.T0, rehearsal: true);
        run.Start();
        run.Succeed("cutover");

        run.Send(new GuardPolled("error-rate", 1, true, "rehearsal: injected breach"));

        run.Wake.Should().Be(run.Now + TimeSpan.FromSeconds(30));
        run.After(TimeSpan.FromSeconds(30));
        run.Commands.OfType<PollGuard>().Should().ContainSingle();
    }

    [Fact]
    public void Decide_RealRunGuardReadHealthy_KeepsPolling()
    {
        var run = new RunHarness(WithGuard(GuardResponse.Rollback), now: RunHarness.T0);
        run.Start();
        run.Succeed("cutover");

        run.Send(new GuardPolled("error-rate", 0.01, false, "ok"));

        run.Wake.Should().Be(run.Now + TimeSpan.FromSeconds(30), "a real metric can change at any poll");
        run.After(TimeSpan.FromSeconds(30));
        run.Commands.OfType<PollGuard>().Should().ContainSingle();
    }

    [Fact]
    public void Guard_Notify_KeepsWatching()
    {
        var run = new RunHarness(WithGuard(GuardResponse.Notify) with { Guards = [WithGuard(GuardResponse.Notify).Guards[0] with { Check = new GuardCheck { Url = "u", ExpectStatus = 200 } }] }, now: RunHarness.T0);
        run.Start();
        run.Succeed("cutover");

        run.Send(new GuardPolled("error-rate", null, true, "status 503"));

        run.LastEvents.OfType<GuardTripped>().Should().ContainSingle();
        run.State.Guards["error-rate"].Status.Should().Be(GuardStatus.Active);
        run.State.Status.Should().Be(RunStatus.Running);
    }

    [Fact]
    public void Guard_WithApproval_AsksBeforeRollingBackAndRejectionDismisses()
    {
        var approval = new ApprovalSpec { Roles = ["sre"] };
        var run = new RunHarness(WithGuard(GuardResponse.Rollback, approval) with
        {
            Guards = [WithGuard(GuardResponse.Rollback, approval).Guards[0] with { Check = new GuardCheck { Url = "u", ExpectStatus = 200 } }],
        }, now: RunHarness.T0);
        run.Start();
        run.Succeed("cutover");

        run.Send(new GuardPolled("error-rate", null, true, "status 503"));
        run.LastEvents.OfType<ApprovalRequested>().Single().Target.Should().Be("guard:error-rate");
        run.Send(new Reject("guard:error-rate", new Actor("U-SRE", "slack"), "known blip"));
        run.State.Guards["error-rate"].Status.Should().Be(GuardStatus.Active);

        run.After(TimeSpan.FromSeconds(30));
        run.Send(new GuardPolled("error-rate", null, true, "status 503"));
        run.Approve("guard:error-rate", "U-SRE");

        run.State.Status.Should().Be(RunStatus.RollingBack);
    }

    [Fact]
    public void Guard_WindowEnds_ExpiresAndRunSucceeds()
    {
        var run = new RunHarness(WithGuard(GuardResponse.Rollback), now: RunHarness.T0);
        run.Start();
        run.Succeed("cutover");

        run.At(RunHarness.T0 + TimeSpan.FromHours(1));
        run.State.Status.Should().Be(RunStatus.Running, "the guard still watches until T+2h");
        run.At(RunHarness.T0 + TimeSpan.FromHours(2));

        run.State.Guards["error-rate"].Status.Should().Be(GuardStatus.Expired);
        run.State.Status.Should().Be(RunStatus.Succeeded);
    }
}
