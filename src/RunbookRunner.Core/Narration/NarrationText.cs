using System.Globalization;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Narration;

/// <summary>One line of narration per event, the same for the console and Slack thread replies.</summary>
public static class NarrationText
{
    public static string For(RunEvent e, RunState state)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(state);
        string Name(string id) => state.Runbook.FindStep(id)?.DisplayName is { } n && n != id ? $"{id} ({n})" : id;
        return e switch
        {
            RunCreated c => $"Run of {state.Runbook.Title ?? c.RunbookName} created for T0 {Clock(c.T0, state)}{(c.Environment is null ? "" : $" in {c.Environment}")}{(c.Rehearsal ? " (rehearsal)" : "")} by {c.StartedBy}",
            RunStarted => $"Run started: {state.Runbook.Steps.Count} steps",
            StepWaiting w => $"… {Name(w.StepId)} waits until {Clock(w.Until, state)} ({w.Reason})",
            StepSkipped k => $"⏭ {Name(k.StepId)} skipped: {k.Reason}",
            ApprovalRequested r => $"✋ approval needed for {r.Target}: {Needed(r)}{(r.TimeoutAt is { } t ? $", by {Clock(t, state)}" : "")}",
            GatesEvaluated g => $"🔎 gates for {g.StepId}: {string.Join("; ", g.Results.Select(x => $"{(x.Passed ? "✓" : "✗")} {x.Gate}: {x.Evidence}"))}",
            ApprovalGranted g => $"✅ {g.Target} approved by {g.By} via {g.Source} ({Progress(state, g.Target)})",
            ApprovalRejected r => $"⛔ {r.Target} rejected by {r.By} via {r.Source}{(r.Reason is null ? "" : $": {r.Reason}")}",
            ApprovalEscalated x => $"📣 approval of {x.Target} escalated to {string.Join(", ", x.Roles)} ({string.Join(", ", x.Users)})",
            ApprovalTimedOut t => $"⌛ approval of {t.Target} timed out: {t.Policy.ToString().ToLowerInvariant()}",
            ManualTaskRequested m => $"☐ manual task {Name(m.StepId)}{(m.Eligible.Count > 0 ? $" for {string.Join(", ", m.Eligible)}" : "")}",
            ManualTaskDone d => $"☑ {Name(d.StepId)} done by {d.By} via {d.Source}",
            StepStarted s => $"▶ {Name(s.StepId)} started{(s.Attempt > 1 ? $" (attempt {s.Attempt})" : "")}{Lateness(s)}",
            StepSucceeded s => $"✔ {Name(s.StepId)} succeeded{Took(state, s.StepId, s.At)}{(s.Summary is null ? "" : $": {s.Summary}")}",
            StepFailed f => $"✖ {Name(f.StepId)} failed (attempt {f.Attempt}): {f.Error}{(f.RetryAt is { } r ? $"; retry at {Clock(r, state)}" : "")}{(f.Tolerated ? "; continuing" : "")}",
            StepInterrupted i => $"⚠ {Name(i.StepId)} was interrupted during attempt {i.Attempt}: a person must decide",
            StepMarkedDone d => $"☑ {Name(d.StepId)} marked done by {d.By} via {d.Source}",
            StepRetried r => $"↻ {Name(r.StepId)} retried by {r.By} via {r.Source}",
            RunPaused p => $"⏸ run paused: {p.Reason}",
            RunResumed r => $"⏵ run resumed by {r.By} via {r.Source}",
            GuardActivated a => $"🛡 guard {a.GuardId} watching{(a.Until is { } u ? $" until {Clock(u, state)}" : "")}",
            GuardReading r => $"🛡 {r.GuardId}: {r.Detail}{(r.Breached ? " (breach)" : "")}",
            GuardTripped t => $"🚨 guard {t.GuardId} tripped: {t.Detail} → {t.Response.ToString().ToLowerInvariant()}",
            GuardDismissed d => $"🛡 guard {d.GuardId} response declined by {d.By}{(d.Reason is null ? "" : $": {d.Reason}")}",
            GuardExpired x => $"🛡 guard {x.GuardId} finished watching",
            RollbackStarted r => $"⏪ rollback started: {r.Reason}",
            CompensationPlanned p => p.Items.Count == 0 ? "⏪ nothing to undo" : $"⏪ will undo: {string.Join(" → ", p.Items.Select(i => i.StepId))}",
            CompensationStarted c => $"⏪ undoing {Name(c.StepId)}{(c.Attempt > 1 ? $" (attempt {c.Attempt})" : "")}",
            CompensationSucceeded c => $"⏪ undid {Name(c.StepId)}{(c.Summary is null ? "" : $": {c.Summary}")}",
            CompensationFailed c => $"✖ undo of {Name(c.StepId)} failed: {c.Error}{(c.RetryAt is { } r ? $"; retry at {Clock(r, state)}" : "")}{(c.Continued ? "; the rollback goes on" : "")}",
            CompensationSkipped c => $"⏭ undo of {Name(c.StepId)} skipped by {c.By}",
            RunSucceeded => $"🎉 run succeeded{Elapsed(state, e.At)}",
            RunFailed f => $"💥 run failed: {f.Reason}",
            RunAborted a => $"🛑 run aborted: {a.Reason}",
            RunRolledBack => $"⏪ run rolled back completely{Elapsed(state, e.At)}",
            _ => e.TypeName,
        };
    }

    /// <summary>A clock time in the runbook's time zone with its T offset, e.g. "14:05 (T-5h55m)".</summary>
    public static string Clock(DateTimeOffset at, RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var local = ToZone(at, state.Runbook.TimeZone);
        var offset = at - state.T0;
        return $"{local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} ({new TimeAnchor(TimeSpan.FromSeconds(Math.Round(offset.TotalSeconds)))})";
    }

    private static DateTimeOffset ToZone(DateTimeOffset at, string zone)
    {
        var tz = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? NodaTime.DateTimeZone.Utc;
        return NodaTime.Instant.FromDateTimeOffset(at).InZone(tz).ToDateTimeOffset();
    }

    private static string Lateness(StepStarted s)
    {
        if (s.Anchor is not { } anchor)
        {
            return "";
        }

        var late = s.At - anchor;
        return late > TimeSpan.FromSeconds(1) ? $", {Durations.Format(Round(late))} behind plan" : ", on time";
    }

    private static string Took(RunState state, string stepId, DateTimeOffset at) =>
        state.Steps.TryGetValue(stepId, out var s) && s.StartedAt is { } started && at > started
            ? $" in {Durations.Format(Round(at - started))}"
            : "";

    private static string Elapsed(RunState state, DateTimeOffset at) =>
        state.StartedAt is { } started ? $" after {Durations.Format(Round(at - started))}" : "";

    private static string Progress(RunState state, string target) =>
        state.Approvals.TryGetValue(target, out var a) ? a.ProgressText : "";

    private static string Needed(ApprovalRequested r) =>
        r.Quotas is { Count: > 0 } quotas
            ? string.Join(", ", quotas.Select(q => $"{q.Count} of {q.Role} ({string.Join(", ", q.Members)})"))
            : $"{r.Required} of {string.Join(", ", r.Eligible)}";

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
}
