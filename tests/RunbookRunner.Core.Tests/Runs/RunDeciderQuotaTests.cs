using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using Xunit;
using static RunbookRunner.Core.Tests.Runs.TestRunbooks;

namespace RunbookRunner.Core.Tests.Runs;

/// <summary>Approvals with a count per role (<c>required: { role: n }</c>): one person counts for one role.</summary>
public class RunDeciderQuotaTests
{
    [Fact]
    public void Approve_OneReleaseManagerAndOneFromProduct_NeedsBothRoles()
    {
        var run = new RunHarness(Of(PerRole("go", ("release-managers", 1), ("product", 1)), Action("deploy")));
        run.Start();
        var requested = run.LastEvents.OfType<ApprovalRequested>().Single();
        requested.Required.Should().Be(2);
        requested.Quotas!.Select(q => (q.Role, q.Count, string.Join(",", q.Members))).Should().Equal(
            ("release-managers", 1, "U-LEAD,U-RM1,U-RM2"), ("product", 1, "U-PM"));

        run.Approve("go", "U-RM1");

        run.StatusOf("go").Should().Be(StepStatus.AwaitingApproval);
        run.State.Approvals["go"].ProgressText.Should().Be("release-managers 1/1, product 0/1");

        run.Approve("go", "U-PM");

        run.StatusOf("go").Should().Be(StepStatus.Succeeded);
        run.Executed.Should().Equal("deploy");
    }

    [Fact]
    public void Approve_SecondReleaseManagerWhileProductIsMissing_IsRefusedNamingWhoIsStillNeeded()
    {
        var run = new RunHarness(Of(PerRole("go", ("release-managers", 1), ("product", 1)), Action("deploy")));
        run.Start();
        run.Approve("go", "U-RM1");

        var decision = run.Approve("go", "U-RM2");

        decision.Error!.Code.Should().Be(DecisionErrorCodes.RoleQuotaMet);
        decision.Error.Message.Should().Be(
            "U-RM2's approval of go would not count: release-managers already has enough approvals (release-managers 1/1, product 0/1); still needed: product 0/1 (U-PM)");
        decision.Error.IsPermissionDenial.Should().BeFalse("the person may approve; the run just waits for another role");
        run.State.Approvals["go"].Grants.Select(g => g.By).Should().Equal("U-RM1");
        run.Approve("go", "U-RM1").IsRejected.Should().BeFalse("a repeated click of a counted approver is still a no-op");
    }

    [Fact]
    public void Approve_PersonInBothRoles_CountsForOneRoleOnly()
    {
        var run = new RunHarness(SharedPeople(PerRole("go", ("release-managers", 1), ("product", 1)), Action("deploy")));
        run.Start();

        run.Approve("go", "U-BOTH");

        run.StatusOf("go").Should().Be(StepStatus.AwaitingApproval, "one person fills one place, not both");
        run.State.Approvals["go"].StillNeeded.Should().Be(1);
        run.Executed.Should().BeEmpty();
    }

    [Fact]
    public void Approve_LaterApproverOnlyInTheFilledRole_MovesTheEarlierOneToTheirOtherRole()
    {
        var run = new RunHarness(SharedPeople(PerRole("go", ("release-managers", 1), ("product", 1)), Action("deploy")));
        run.Start();
        run.Approve("go", "U-BOTH");
        run.State.Approvals["go"].ProgressText.Should().Be("release-managers 1/1, product 0/1", "the first role that fits takes U-BOTH");

        var decision = run.Approve("go", "U-RM1");

        decision.IsRejected.Should().BeFalse("U-BOTH can count for product instead, so U-RM1 fills release-managers");
        run.StatusOf("go").Should().Be(StepStatus.Succeeded);
        run.State.Approvals["go"].ProgressByRole().Select(p => (p.Role, string.Join(",", p.CountedBy)))
            .Should().Equal(("release-managers", "U-RM1"), ("product", "U-BOTH"));
    }

    [Fact]
    public void Approve_RoleWithCountOfTwo_WaitsForTwoOfThatRole()
    {
        var run = new RunHarness(Of(PerRole("go", ("release-managers", 2), ("product", 1)), Action("deploy")));
        run.Start();
        run.Approve("go", "U-PM");
        run.Approve("go", "U-RM1");

        run.State.Approvals["go"].ProgressText.Should().Be("release-managers 1/2, product 1/1");
        run.Approve("go", "U-RM2");

        run.StatusOf("go").Should().Be(StepStatus.Succeeded);
    }

    [Fact]
    public void Approve_ForbidSelfWithRoleCounts_StillRefusesTheStarter()
    {
        var go = PerRole("go", ("release-managers", 1), ("product", 1));
        var run = new RunHarness(Of(go with { Approval = go.Approval! with { ForbidSelf = true } }), startedBy: "U-LEAD");
        run.Start();

        run.Approve("go", "U-LEAD").Error!.Code.Should().Be(DecisionErrorCodes.SelfApproval);
        run.Approve("go", "U-RM1").IsRejected.Should().BeFalse();
    }

    [Fact]
    public void Approval_TimesOut_NamesTheProgressPerRole()
    {
        var go = PerRole("go", ("release-managers", 1), ("product", 1));
        var run = new RunHarness(Of(go with { Approval = go.Approval! with { Timeout = TimeSpan.FromMinutes(30), OnTimeout = TimeoutPolicy.Abort } }));
        run.Start();
        run.Approve("go", "U-RM1");

        run.After(TimeSpan.FromMinutes(30));

        run.State.Status.Should().Be(RunStatus.Aborted);
        run.State.EndReason.Should().Be("approval of go timed out after 30m with release-managers 1/1, product 0/1");
    }

    [Fact]
    public void Fold_JournalOfAQuotaApproval_ReplaysToTheSameStateThroughJson()
    {
        var run = new RunHarness(SharedPeople(PerRole("go", ("release-managers", 1), ("product", 1)), Action("deploy")));
        run.Start();
        run.Approve("go", "U-BOTH");

        var stored = run.Journal.Select(e => RunEventJson.Deserialize(e.TypeName, RunEventJson.Serialize(e)));
        var replayed = RunState.Fold("run-1", run.State.Runbook, stored);

        replayed.Approvals["go"].ProgressText.Should().Be("release-managers 1/1, product 0/1");
        replayed.Approvals["go"].WouldCount("U-PM").Should().BeTrue();
        replayed.Approvals["go"].WouldCount("U-RM1").Should().BeTrue("U-BOTH can move to product");
        replayed.Approvals["go"].WouldCount("U-BOTH").Should().BeFalse("already counted");
    }

    [Fact]
    public void Approve_RequiredAllLoadedFromYaml_NeedsOnePersonFromEveryRole()
    {
        const string yaml = """
            name: all-roles
            roles: { leads: [U-L1, U-L2], product: [U-P1], security: [U-S1] }
            steps:
              - id: sign
                approval: { roles: [leads, product, security], required: all, timeout: 1h }
            """;
        var loaded = RunbookLoader.Load(yaml, "all-roles.yaml");
        loaded.Diagnostics.Should().BeEmpty(string.Join("\n", loaded.Diagnostics));
        var run = new RunHarness(loaded.Runbook!);
        run.Start();

        run.Approve("sign", "U-L1");
        run.Approve("sign", "U-L2").Error!.Code.Should().Be(DecisionErrorCodes.RoleQuotaMet);
        run.Approve("sign", "U-P1");
        run.StatusOf("sign").Should().Be(StepStatus.AwaitingApproval);
        run.Approve("sign", "U-S1");

        run.StatusOf("sign").Should().Be(StepStatus.Succeeded);
        run.State.Step("sign").Summary.Should().Be("approved by U-L1, U-P1, U-S1");
    }

    private static Step PerRole(string id, params (string Role, int Count)[] counts) => Approval(id) with
    {
        Approval = new ApprovalSpec
        {
            Roles = [.. counts.Select(c => c.Role)],
            Quotas = [.. counts.Select(c => new ApprovalQuota(c.Role, c.Count))],
            Required = counts.Sum(c => c.Count),
        },
    };

    private static Runbook SharedPeople(params Step[] steps) => Of(steps) with
    {
        Roles = new Dictionary<string, IReadOnlyList<string>>
        {
            ["release-managers"] = ["U-BOTH", "U-RM1"],
            ["product"] = ["U-BOTH", "U-PM"],
        },
    };
}
