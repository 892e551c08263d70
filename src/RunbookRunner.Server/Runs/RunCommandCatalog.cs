using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Server.Authorization;

namespace RunbookRunner.Server.Runs;

/// <summary>
/// Every command on a run or a step, with the policy it needs (see <see cref="RunbookPolicies"/>). The engine's decider
/// then judges the command itself (approver roles, N of M, forbid_self, legal transitions), whoever sent it.
/// </summary>
public static class RunCommandCatalog
{
    public static IReadOnlyList<RunCommandSpec> All { get; } =
    [
        new("pause", false, RunbookPolicies.Operator, (_, by, _) => new PauseRun(by)),
        new("resume", false, RunbookPolicies.Operator, (_, by, _) => new ResumeRun(by)),
        new("abort", false, RunbookPolicies.Operator, (_, by, reason) => new AbortRun(by, reason)),
        new("rollback", false, RunbookPolicies.Operator, (_, by, reason) => new RollbackRun(by, reason)),
        new("approve", true, RunbookPolicies.Approver, (s, by, _) => new Approve(s!, by)),
        new("reject", true, RunbookPolicies.Approver, (s, by, reason) => new Reject(s!, by, reason)),
        new("retry", true, RunbookPolicies.Operator, (s, by, _) => new RetryStep(s!, by)),
        new("skip", true, RunbookPolicies.Operator, (s, by, _) => new SkipStep(s!, by)),
        new("done", true, RunbookPolicies.Operator, (s, by, _) => new CompleteManual(s!, by)),
        new("fail", true, RunbookPolicies.Operator, (s, by, reason) => new FailManual(s!, by, reason ?? string.Empty)),
    ];

    /// <summary>The command named <paramref name="action"/>, or null.</summary>
    public static RunCommandSpec? Find(string? action) => All.FirstOrDefault(c => string.Equals(c.Action, action, StringComparison.Ordinal));
}
