using RunbookRunner.Core.Persistence;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Engine.Runs;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Runs;
using RunbookRunner.Server.Timeline;
using RunbookRunner.Slack.Messages;

namespace RunbookRunner.Server.Reports;

/// <summary>
/// Builds a <see cref="LaunchReport"/> from a run's state, its journal and its audit entries. Pure: no clock, no I/O,
/// so a report of the same inputs is always the same. Everything it reads was redacted when it was written.
/// </summary>
public static class LaunchReportBuilder
{
    /// <summary>Readings per guard listed in full (the rest are counted).</summary>
    public const int GuardReadingsKept = 20;

    public static LaunchReport Build(RunState state, IReadOnlyList<RunEvent> events, IReadOnlyList<AuditEntry> audit, DateTimeOffset now, string? runUrl = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(audit);
        var at = state.FinishedAt ?? now;
        var plan = RunTimeline.TryPlan(state);
        var forecast = plan is null ? null : RunPlanner.Forecast(plan, RunTimeline.Actuals(state), at);
        return new LaunchReport
        {
            RunId = state.RunId,
            Runbook = state.Runbook.Name,
            Title = state.Runbook.Title,
            State = StatusNames.Of(state.Status),
            Outcome = Outcome(state),
            Environment = state.Environment,
            Rehearsal = state.Rehearsal,
            T0 = state.T0,
            TimeZone = plan?.TimeZone ?? state.Runbook.TimeZone,
            StartedBy = state.StartedBy,
            StartedAt = state.StartedAt,
            FinishedAt = state.FinishedAt,
            Duration = state.StartedAt is { } s && state.FinishedAt is { } f ? f - s : null,
            PlannedFinish = plan?.PlannedFinish,
            TotalLateness = RunSummary.Lateness(state, state.IsTerminal ? null : now),
            FinishDelta = forecast?.FinishLateness,
            Steps = Steps(state, plan),
            Approvals = [.. state.Approvals.Values.OrderBy(a => a.RequestedAt).Select(Approval)],
            Failures = [.. events.OfType<StepFailed>().Select(f => new ReportFailure
            {
                StepId = f.StepId,
                Attempt = f.Attempt,
                At = f.At,
                Error = FirstLine(f.Error),
                RetryAt = f.RetryAt,
                Tolerated = f.Tolerated,
            })],
            Decisions = [.. events.Select(Decision).OfType<ReportDecision>()],
            Rollback = Rollback(state, events),
            Guards = Guards(state, events),
            Audit = [.. audit.OrderBy(a => a.Id).Select(a => new ReportAuditEntry(
                a.Id, a.At, a.Actor, AuditSources.Name(a.Source), a.Action, a.StepId, a.Outcome.ToString().ToLowerInvariant(), a.Detail))],
            Timeline = TimelineChartBuilder.ForRun(plan, state, events, now),
            GeneratedAt = now,
            RunUrl = runUrl,
        };
    }

    /// <summary>The outcome in one sentence.</summary>
    public static string Outcome(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status switch
        {
            RunStatus.Succeeded => "The run succeeded.",
            RunStatus.Failed => $"The run failed: {FirstLine(state.EndReason)}",
            RunStatus.Aborted => $"The run was aborted: {FirstLine(state.EndReason)}",
            RunStatus.RolledBack => $"The run was rolled back: {FirstLine(state.Rollback?.Reason)}",
            RunStatus.RollingBack => $"The run is rolling back: {FirstLine(state.Rollback?.Reason)}",
            RunStatus.Paused => $"The run is paused: {FirstLine(state.PauseReason)}",
            _ => $"The run is {StatusNames.Of(state.Status).Replace('_', ' ')}.",
        };
    }

    private static List<ReportStep> Steps(RunState state, RunPlan? plan)
    {
        var order = plan?.Timeline().Select(p => p.Id).ToList() ?? [.. state.Runbook.Steps.Select(s => s.Id)];
        return [.. order.Select(id =>
        {
            var s = state.Steps[id];
            var step = state.Runbook.FindStep(id)!;
            var planned = plan?.FindStep(id);
            return new ReportStep
            {
                Id = id,
                Title = step.DisplayName,
                Kind = RunMapper.KindName(step.Kind),
                State = StatusNames.Of(s.Status),
                Anchor = step.At?.ToString(),
                Critical = planned?.Critical ?? false,
                PlannedStart = planned?.PlannedStart,
                PlannedFinish = planned?.PlannedFinish,
                ActualStart = s.StartedAt,
                ActualFinish = s.FinishedAt,
                Duration = s.StartedAt is { } started && s.FinishedAt is { } finished ? finished - started : null,
                StartDelta = s.StartedAt is { } begun && planned is { Skipped: false } ? begun - planned.PlannedStart : null,
                Attempts = s.Attempts,
                Summary = s.Summary,
                Error = s.Error is { } e ? FirstLine(e) : null,
                DoneBy = s.DoneBy,
            };
        })];
    }

    private static ReportApproval Approval(ApprovalState a) => new()
    {
        Target = a.Target,
        Outcome = a.Rejection is not null ? "rejected" : a.TimedOut ? "timed_out" : a.IsOpen ? "open" : "granted",
        Required = a.Required,
        RequestedAt = a.RequestedAt,
        Grants = [.. a.Grants.Select(g => new ReportGrant(g.By, g.At, g.Source))],
        RejectedBy = a.Rejection is { } r ? new ReportGrant(r.By, r.At, r.Source) : null,
        RejectionReason = a.Rejection?.Reason,
        Gates = [.. (a.Gates ?? []).Select(g => new ReportGate(g.Gate, g.Passed, g.Evidence))],
    };

    private static ReportDecision? Decision(RunEvent e) => e switch
    {
        StepRetried r => new ReportDecision(r.At, "retry", r.By, r.Source, r.StepId, null),
        StepSkipped { By: { } by } s => new ReportDecision(s.At, "skip", by, s.Source ?? "", s.StepId, s.Reason),
        StepMarkedDone d => new ReportDecision(d.At, "done", d.By, d.Source, d.StepId, null),
        ManualTaskDone m => new ReportDecision(m.At, "done", m.By, m.Source, m.StepId, null),
        StepFailed { By: { } by } f => new ReportDecision(f.At, "fail", by, f.Source ?? "", f.StepId, FirstLine(f.Error)),
        RunPaused { By: { } by } p => new ReportDecision(p.At, "pause", by, p.Source ?? "", p.StepId, FirstLine(p.Reason)),
        RunResumed r => new ReportDecision(r.At, "resume", r.By, r.Source, null, null),
        RunAborted { By: { } by } a => new ReportDecision(a.At, "abort", by, a.Source ?? "", null, FirstLine(a.Reason)),
        RollbackStarted { By: { } by } r => new ReportDecision(r.At, "rollback", by, r.Source ?? "", null, FirstLine(r.Reason)),
        CompensationSkipped c => new ReportDecision(c.At, "skip undo", c.By, c.Source, c.StepId, null),
        _ => null,
    };

    private static ReportRollback? Rollback(RunState state, IReadOnlyList<RunEvent> events)
    {
        if (state.Rollback is not { } rollback)
        {
            return null;
        }

        var started = events.OfType<RollbackStarted>().LastOrDefault();
        return new ReportRollback
        {
            Reason = FirstLine(rollback.Reason),
            By = started?.By,
            Source = started?.Source,
            StartedAt = rollback.StartedAt,
            FinishedAt = state.IsTerminal ? state.FinishedAt : null,
            Items = [.. (rollback.Items ?? []).Select(c => new ReportCompensation
            {
                StepId = c.Item.StepId,
                IsRollbackStep = c.Item.IsRollbackStep,
                State = c.Status.ToString().ToLowerInvariant(),
                Attempts = c.Attempts,
                StartedAt = events.OfType<CompensationStarted>().FirstOrDefault(s => s.Index == c.Item.Index)?.At,
                FinishedAt = events.Where(e => e is CompensationSucceeded x && x.Index == c.Item.Index
                    || e is CompensationFailed y && y.Index == c.Item.Index
                    || e is CompensationSkipped z && z.Index == c.Item.Index).LastOrDefault()?.At,
                Summary = events.OfType<CompensationSucceeded>().LastOrDefault(s => s.Index == c.Item.Index)?.Summary,
                Error = c.Error is { } e ? FirstLine(e) : null,
            })],
        };
    }

    private static List<ReportGuard> Guards(RunState state, IReadOnlyList<RunEvent> events) =>
        [.. state.Runbook.Guards.Select(g =>
        {
            var s = state.Guards[g.Id];
            var readings = events.OfType<GuardReading>().Where(r => r.GuardId == g.Id).ToList();
            var values = readings.Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
            return new ReportGuard
            {
                Id = g.Id,
                State = StatusNames.Of(s.Status),
                Readings = readings.Count,
                Breaches = readings.Count(r => r.Breached),
                Min = values.Count > 0 ? values.Min() : null,
                Max = values.Count > 0 ? values.Max() : null,
                LastValue = s.LastValue,
                Trips = [.. events.OfType<GuardTripped>().Where(t => t.GuardId == g.Id)
                    .Select(t => new ReportGuardTrip(t.At, t.Response.ToString().ToLowerInvariant(), t.Detail))],
                Recent = [.. readings.TakeLast(GuardReadingsKept).Select(r => new ReportGuardReading(r.At, r.Value, r.Breached, r.Detail))],
            };
        })];

    // Errors and reasons carry the failed attempt's log tail after the first line: the report keeps the first line.
    private static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "no reason recorded";
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).TrimEnd('\r');
    }
}
