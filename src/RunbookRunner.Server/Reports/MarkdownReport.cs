using System.Text;

namespace RunbookRunner.Server.Reports;

/// <summary>Renders a <see cref="LaunchReport"/> as Markdown, ready to paste into a retrospective.</summary>
public static class MarkdownReport
{
    public static string Render(LaunchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = new ReportText(report.TimeZone);
        var md = new StringBuilder();
        md.Append($"# Launch report: {Cell(report.Title ?? report.Runbook)}{(report.Rehearsal ? " (rehearsal)" : "")}\n\n");
        md.Append($"**{Cell(report.Outcome)}**\n\n");
        md.Append($"- Run: `{report.RunId}` of runbook `{report.Runbook}`{(report.Environment is { } env ? $" in `{env}`" : "")}, started by {Cell(report.StartedBy)}\n");
        md.Append($"- T0: {t.Full(report.T0)}\n");
        md.Append($"- Started: {t.Full(report.StartedAt)}; ended: {t.Full(report.FinishedAt)}; duration: {ReportText.Duration(report.Duration)}\n");
        md.Append($"- Total lateness: {(report.TotalLateness >= TimeSpan.FromSeconds(1) ? ReportText.Duration(report.TotalLateness) + " behind plan at most" : "on plan throughout")}\n");
        md.Append($"- Planned finish: {t.Full(report.PlannedFinish)}; finish vs plan: {ReportText.Delta(report.FinishDelta)}\n");
        if (report.RunUrl is { } url)
        {
            md.Append($"- Dashboard: {url}\n");
        }

        md.Append("\n## Steps: planned vs actual\n\n");
        md.Append("| Step | State | Planned start | Actual start | vs plan | Duration | Attempts | Notes |\n");
        md.Append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var s in report.Steps)
        {
            var notes = new List<string>();
            if (s.Critical)
            {
                notes.Add("critical path");
            }

            if (s.DoneBy is { } by)
            {
                notes.Add($"by {by}");
            }

            if (s.Error is { } error)
            {
                notes.Add(error);
            }

            md.Append($"| `{s.Id}`{(s.Anchor is { } a ? $" ({a})" : "")} | {s.State.Replace('_', ' ')} | {t.Time(s.PlannedStart)} | {t.Time(s.ActualStart)} | {ReportText.Delta(s.StartDelta)} | {ReportText.Duration(s.Duration)} | {s.Attempts} | {Cell(string.Join("; ", notes))} |\n");
        }

        md.Append("\n## Approvals\n\n");
        if (report.Approvals.Count == 0)
        {
            md.Append("No approvals were requested.\n");
        }

        foreach (var a in report.Approvals)
        {
            md.Append($"- `{a.Target}`: {a.Outcome.Replace('_', ' ')} ({a.Grants.Count} of {a.Required}), requested {t.Time(a.RequestedAt)}\n");
            foreach (var g in a.Grants)
            {
                md.Append($"  - approved by {Cell(g.By)} at {t.Time(g.At)} via {g.Source}\n");
            }

            if (a.RejectedBy is { } r)
            {
                md.Append($"  - rejected by {Cell(r.By)} at {t.Time(r.At)} via {r.Source}{(a.RejectionReason is { } why ? $": {Cell(why)}" : "")}\n");
            }

            foreach (var gate in a.Gates)
            {
                md.Append($"  - gate {Cell(gate.Gate)}: {(gate.Passed ? "passed" : "FAILED")}: {Cell(gate.Evidence)}\n");
            }
        }

        md.Append("\n## Failures and retries\n\n");
        if (report.Failures.Count == 0)
        {
            md.Append("No step failed.\n");
        }

        foreach (var f in report.Failures)
        {
            var next = f.RetryAt is { } retry ? $"; retried at {t.Time(retry)}" : f.Tolerated ? "; tolerated (on_failure: continue)" : "";
            md.Append($"- {t.Time(f.At)} `{f.StepId}` attempt {f.Attempt} failed: {Cell(f.Error)}{next}\n");
        }

        if (report.Decisions.Count > 0)
        {
            md.Append("\n## Decisions\n\n");
            foreach (var d in report.Decisions)
            {
                md.Append($"- {t.Time(d.At)} {d.Action}{(d.StepId is { } step ? $" `{step}`" : "")} by {Cell(d.By)} via {d.Source}{(d.Detail is { } detail ? $": {Cell(detail)}" : "")}\n");
            }
        }

        md.Append("\n## Rollback\n\n");
        if (report.Rollback is not { } rollback)
        {
            md.Append("No rollback.\n");
        }
        else
        {
            md.Append($"Started {t.Full(rollback.StartedAt)}{(rollback.By is { } rb ? $" by {Cell(rb)} via {rollback.Source}" : "")}: {Cell(rollback.Reason)}. Ended {t.Full(rollback.FinishedAt)}.\n\n");
            md.Append("| Undo of | State | Started | Finished | Attempts | Result |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var c in rollback.Items)
            {
                md.Append($"| `{c.StepId}`{(c.IsRollbackStep ? " (rollback step)" : "")} | {c.State} | {t.Time(c.StartedAt)} | {t.Time(c.FinishedAt)} | {c.Attempts} | {Cell(c.Error ?? c.Summary ?? "")} |\n");
            }
        }

        md.Append("\n## Guards\n\n");
        if (report.Guards.Count == 0)
        {
            md.Append("The runbook has no guards.\n");
        }

        foreach (var g in report.Guards)
        {
            md.Append($"- `{g.Id}`: {g.State}, {g.Readings} readings, {g.Breaches} in breach, min {ReportText.Number(g.Min)}, max {ReportText.Number(g.Max)}, last {ReportText.Number(g.LastValue)}\n");
            foreach (var trip in g.Trips)
            {
                md.Append($"  - tripped at {t.Time(trip.At)} ({trip.Response}): {Cell(trip.Detail)}\n");
            }
        }

        md.Append("\n## Audit trail\n\n");
        if (report.Audit.Count == 0)
        {
            md.Append("No audited actions.\n");
        }
        else
        {
            md.Append("| # | When | Who | From | Action | Step | Outcome | Detail |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var a in report.Audit)
            {
                md.Append($"| {a.Id} | {t.Time(a.At)} | {Cell(a.Actor)} | {a.Source} | {Cell(a.Action)} | {Cell(a.StepId ?? "")} | {a.Outcome} | {Cell(a.Detail ?? "")} |\n");
            }
        }

        md.Append($"\n_Generated {t.Full(report.GeneratedAt)}. The timeline picture is in the HTML report (`--format html`)._\n");
        return md.ToString();
    }

    // Table cells and inline text: one line, no pipes breaking the table.
    private static string Cell(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
}
