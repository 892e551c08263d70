using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Tests.Planning;

/// <summary>Small builders for runbooks written in code.</summary>
internal static class PlanFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Runbook Book(params Step[] steps) => new() { Name = "test", TimeZone = "UTC", Steps = steps };

    public static Step Act(string id, string? at = null, string[]? after = null, string? timeout = null) => new()
    {
        Id = id,
        Kind = StepKind.Action,
        Action = new ActionCall("shell", MapValue.Empty, SourceLocation.None),
        At = at is null ? null : TimeAnchor.Parse(at),
        After = after,
        Timeout = timeout is null ? null : Durations.Parse(timeout),
    };

    public static Step Wait(string id, string duration, string? at = null, string[]? after = null) => new()
    {
        Id = id,
        Kind = StepKind.Wait,
        Wait = Durations.Parse(duration),
        At = at is null ? null : TimeAnchor.Parse(at),
        After = after,
    };

    public static Step Approval(string id, string timeout, string? at = null, string[]? after = null) => new()
    {
        Id = id,
        Kind = StepKind.Approval,
        Approval = new ApprovalSpec { Roles = ["leads"], Timeout = Durations.Parse(timeout) },
        At = at is null ? null : TimeAnchor.Parse(at),
        After = after,
    };

    public static TimeSpan Min(int minutes) => TimeSpan.FromMinutes(minutes);
}
