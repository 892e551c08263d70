namespace RunbookRunner.Core.Runs.State;

/// <summary>Approval targets name a step (<c>go-no-go</c>) or a guard (<c>guard:error-rate</c>).</summary>
public static class ApprovalTargets
{
    private const string GuardPrefix = "guard:";

    public static string ForGuard(string guardId) => GuardPrefix + guardId;

    public static bool IsGuard(string target) => target?.StartsWith(GuardPrefix, StringComparison.Ordinal) == true;

    public static string GuardId(string target) =>
        IsGuard(target) ? target[GuardPrefix.Length..] : throw new ArgumentException($"'{target}' is not a guard approval target.", nameof(target));
}
