using FluentAssertions;
using FluentAssertions.Execution;
using RunbookRunner.Fault.Tests.TestSupport;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.Crashes;

/// <summary>What every kill -9 scenario must show, whatever the store.</summary>
internal static class KillNineAssertions
{
    public static void Check(CrashLoopOutcome outcome, CrashLoop loop, FaultReport report, ITestOutputHelper output)
    {
        var text = report.Write(output);
        using var scope = new AssertionScope();
        outcome.Problems.Should().BeEmpty(text);
        outcome.Kills.Should().BeGreaterThanOrEqualTo(loop.Kills);
        outcome.SucceededRuns.Should().Be(outcome.Runs, "every run reaches its expected end");
        outcome.Runs.Should().BeGreaterThanOrEqualTo(loop.ConcurrentRuns);
        outcome.InterruptedSeen.Should().BePositive("kills land inside non-idempotent steps, which must be reported as interrupted");
        (outcome.MarkedDone + outcome.Retried).Should().BeGreaterThanOrEqualTo(outcome.InterruptedSeen, "each interrupted step was answered through the API");
    }
}
