using FluentAssertions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Tests.TestSupport;

namespace RunbookRunner.Core.Tests.Loading;

/// <summary><c>outcomes</c> of a manual task: done by default, [done, failed] when people may mark it failed.</summary>
public class ManualOutcomeLoadingTests
{
    private static string Yaml(string outcomes) => $$"""
        name: t
        roles: { qa: [U1] }
        steps:
          - id: qa-checkout
            manual: { title: "Checkout works", roles: [qa], outcomes: {{outcomes}} }
            on_failure: rollback
        """;

    [Fact]
    public void Load_OutcomesDoneAndFailed_TaskMayFail()
    {
        var manual = Diagnose.Clean(Yaml("[done, failed]")).Runbook!.FindStep("qa-checkout")!.Manual!;

        manual.Outcomes.Should().Equal(ManualOutcome.Done, ManualOutcome.Failed);
        manual.CanFail.Should().BeTrue();
    }

    [Fact]
    public void Load_NoOutcomes_DefaultsToDoneOnly()
    {
        const string yaml = """
            name: t
            steps:
              - id: brief
                manual: { title: "Team briefed" }
              - id: short
                manual: Short form
            """;

        var runbook = Diagnose.Clean(yaml).Runbook!;

        runbook.FindStep("brief")!.Manual!.Outcomes.Should().Equal(ManualOutcome.Done);
        runbook.FindStep("brief")!.Manual!.CanFail.Should().BeFalse();
        runbook.FindStep("short")!.Manual!.CanFail.Should().BeFalse();
    }

    [Fact]
    public void Load_UnknownOutcome_ReportsRB013AtTheValueWithSuggestion()
    {
        var diagnostic = Diagnose.At(Yaml("[done, faild]"), "RB013", 5, 70);

        diagnostic.Message.Should().Contain("done and failed").And.Contain("'faild'").And.Contain("did you mean 'failed'?");
    }

    [Fact]
    public void Load_OutcomesWithoutDone_ReportsRB013AtTheList()
    {
        var diagnostic = Diagnose.At(Yaml("[failed]"), "RB013", 5, 63);

        diagnostic.Message.Should().Contain("must include done");
    }

    [Fact]
    public void Load_EmptyOutcomes_ReportsRB013AtTheList()
    {
        Diagnose.At(Yaml("[]"), "RB013", 5, 63).Message.Should().Contain("must include done");
    }

    [Fact]
    public void Load_OutcomeListedTwice_ReportsRB013AtTheRepeat()
    {
        Diagnose.At(Yaml("[done, failed, done]"), "RB013", 5, 78).Message.Should().Contain("listed twice");
    }

    [Fact]
    public void Load_OutcomesAsAMap_ReportsRB012()
    {
        Diagnose.At(Yaml("{ done: true }"), "RB012", 5, 63).Message.Should().Contain("'outcomes'").And.Contain("must be a list");
    }
}
