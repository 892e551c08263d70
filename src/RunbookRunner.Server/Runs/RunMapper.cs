using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;

namespace RunbookRunner.Server.Runs;

/// <summary>Maps runs to their API shape. Outputs and errors are already redacted by the engine; nothing else of the runbook is exposed.</summary>
public static class RunMapper
{
    public static RunDto ToDto(RunRecord record, RunState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(state);
        return new RunDto
        {
            Id = record.Id,
            Runbook = record.RunbookName,
            Title = record.Title,
            State = StatusNames.Of(state.Status),
            Environment = record.Environment,
            T0 = record.T0,
            Rehearsal = record.IsRehearsal,
            StartedBy = record.StartedBy,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            StartedAt = state.StartedAt,
            FinishedAt = state.FinishedAt,
            Lateness = RunSummary.Lateness(state, state.IsTerminal ? null : now),
            Version = state.Version,
            Steps = [.. state.Runbook.Steps.Select(step => Step(step, state.Steps[step.Id]))],
            Approvals = [.. state.Approvals.Values.OrderBy(a => a.RequestedAt).Select(Approval)],
            Guards = [.. state.Guards.Values.Select(Guard)],
            Rollback = state.Rollback is { } rollback ? Rollback(rollback) : null,
            PauseReason = state.PauseReason,
            EndReason = state.EndReason,
        };
    }

    public static RunListItemDto ToListItem(RunListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new RunListItemDto
        {
            Id = item.Id,
            Runbook = item.RunbookName,
            Title = item.Title,
            State = item.State,
            Environment = item.Environment,
            T0 = item.T0,
            Rehearsal = item.IsRehearsal,
            StartedBy = item.StartedBy,
            CreatedAt = item.CreatedAt,
            UpdatedAt = item.UpdatedAt,
            Lateness = item.Lateness,
        };
    }

    public static string KindName(StepKind kind) => kind.ToString().ToLowerInvariant();

    private static RunStepDto Step(Step step, StepState s) => new()
    {
        Id = s.Id,
        Title = step.DisplayName == step.Id ? null : step.DisplayName,
        Kind = KindName(step.Kind),
        State = StatusNames.Of(s.Status),
        CanFail = step.Manual is { CanFail: true },
        Attempts = s.Attempts,
        StartedAt = s.StartedAt,
        FinishedAt = s.FinishedAt,
        WaitingUntil = s.WaitingUntil,
        Summary = s.Summary,
        Error = s.Error,
        DoneBy = s.DoneBy,
        Outputs = s.Outputs,
    };

    private static ApprovalDto Approval(ApprovalState a) => new()
    {
        Target = a.Target,
        Required = a.Required,
        Granted = [.. a.Grants.Select(g => new ApprovalGrantDto(g.By, g.At, g.Source))],
        Eligible = a.Eligible,
        StillNeeded = a.StillNeeded,
        Roles = [.. a.ProgressByRole().Select(p => new ApprovalRoleDto(p.Role, p.Required, p.CountedBy, a.Quotas.First(q => q.Role == p.Role).Members))],
        Gates = [.. (a.Gates ?? []).Select(g => new GateDto(g.Gate, g.Passed, g.Evidence))],
        RequestedAt = a.RequestedAt,
        TimeoutAt = a.TimeoutAt,
        Escalated = a.Escalated,
        TimedOut = a.TimedOut,
        Rejected = a.Rejection is { } r ? new ApprovalRejectionDto(r.By, r.At, r.Source, r.Reason) : null,
        Open = a.IsOpen && !a.TimedOut,
    };

    private static GuardDto Guard(GuardState g) => new()
    {
        Id = g.Id,
        State = StatusNames.Of(g.Status),
        LastPollAt = g.LastPollAt,
        LastValue = g.LastValue,
        BreachSince = g.BreachSince,
        Readings = g.Readings,
        Trips = g.Trips,
    };

    private static RollbackDto Rollback(RollbackState r) => new()
    {
        Reason = r.Reason,
        StartedAt = r.StartedAt,
        Items = [.. (r.Items ?? []).Select(c => new CompensationDto(
            c.Item.StepId, c.Item.IsRollbackStep, c.Status.ToString().ToLowerInvariant(), c.Attempts, c.Error))],
    };
}
