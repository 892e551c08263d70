using System.Net;
using System.Text;
using RunbookRunner.Server.Timeline;

namespace RunbookRunner.Server.Reports;

/// <summary>Renders a <see cref="LaunchReport"/> as one self-contained HTML page (inline styles, the timeline as SVG).</summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;color:#1f2328;max-width:1100px;margin:0 auto;padding:1rem;line-height:1.45}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
        th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}.late{color:#9a6700}.bad{color:#cf222e}.ok{color:#1a7f37}
        .wrap{overflow-x:auto}code{background:#f6f8fa;padding:0 .2rem}
        """;

    public static string Render(LaunchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = new ReportText(report.TimeZone);
        var title = $"Launch report: {report.Title ?? report.Runbook}{(report.Rehearsal ? " (rehearsal)" : "")}";
        var h = new StringBuilder();
        h.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title><style>{Style}</style></head><body>");
        h.Append($"<main><h1>{E(title)}</h1><p><strong class=\"{(report.State is "succeeded" ? "ok" : "bad")}\">{E(report.Outcome)}</strong></p><ul>");
        h.Append($"<li>Run <code>{E(report.RunId)}</code> of <code>{E(report.Runbook)}</code>{(report.Environment is { } env ? $" in <code>{E(env)}</code>" : "")}, started by {E(report.StartedBy)}</li>");
        h.Append($"<li>T0 {E(t.Full(report.T0))}; started {E(t.Full(report.StartedAt))}; ended {E(t.Full(report.FinishedAt))}; duration {E(ReportText.Duration(report.Duration))}</li>");
        h.Append($"<li>Total lateness: <span class=\"late\">{E(report.TotalLateness >= TimeSpan.FromSeconds(1) ? ReportText.Duration(report.TotalLateness) + " behind plan at most" : "on plan throughout")}</span>; finish vs plan: {E(ReportText.Delta(report.FinishDelta))}</li>");
        if (report.RunUrl is { } url)
        {
            h.Append($"<li><a href=\"{E(url)}\">Run on the dashboard</a></li>");
        }

        h.Append("</ul><h2>Timeline</h2><div class=\"wrap\">").Append(TimelineSvg.Render(report.Timeline, "report-timeline")).Append("</div>");

        h.Append("<h2>Steps: planned vs actual</h2><div class=\"wrap\"><table><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">State</th><th scope=\"col\">Planned start</th><th scope=\"col\">Actual start</th><th scope=\"col\">vs plan</th><th scope=\"col\">Duration</th><th scope=\"col\">Attempts</th><th scope=\"col\">Notes</th></tr></thead><tbody>");
        foreach (var s in report.Steps)
        {
            var notes = string.Join("; ", new[] { s.Critical ? "critical path" : null, s.DoneBy is { } by ? $"by {by}" : null, s.Error }.OfType<string>());
            h.Append($"<tr><th scope=\"row\"><code>{E(s.Id)}</code>{(s.Anchor is { } a ? $" ({E(a)})" : "")}</th><td>{E(s.State.Replace('_', ' '))}</td><td>{E(t.Time(s.PlannedStart))}</td><td>{E(t.Time(s.ActualStart))}</td><td>{E(ReportText.Delta(s.StartDelta))}</td><td>{E(ReportText.Duration(s.Duration))}</td><td>{s.Attempts}</td><td>{E(notes)}</td></tr>");
        }

        h.Append("</tbody></table></div><h2>Approvals</h2>");
        h.Append(report.Approvals.Count == 0 ? "<p>No approvals were requested.</p>" : "<ul>");
        foreach (var a in report.Approvals)
        {
            h.Append($"<li><code>{E(a.Target)}</code>: {E(a.Outcome.Replace('_', ' '))} ({a.Grants.Count} of {a.Required}), requested {E(t.Time(a.RequestedAt))}<ul>");
            foreach (var g in a.Grants)
            {
                h.Append($"<li>approved by {E(g.By)} at {E(t.Time(g.At))} via {E(g.Source)}</li>");
            }

            if (a.RejectedBy is { } r)
            {
                h.Append($"<li class=\"bad\">rejected by {E(r.By)} at {E(t.Time(r.At))} via {E(r.Source)}{(a.RejectionReason is { } why ? $": {E(why)}" : "")}</li>");
            }

            foreach (var gate in a.Gates)
            {
                h.Append($"<li>gate {E(gate.Gate)}: {(gate.Passed ? "passed" : "<span class=\"bad\">FAILED</span>")}: {E(gate.Evidence)}</li>");
            }

            h.Append("</ul></li>");
        }

        h.Append(report.Approvals.Count == 0 ? "" : "</ul>").Append("<h2>Failures and retries</h2>");
        h.Append(report.Failures.Count == 0 ? "<p>No step failed.</p>" : "<ul>");
        foreach (var f in report.Failures)
        {
            var next = f.RetryAt is { } retry ? $"; retried at {t.Time(retry)}" : f.Tolerated ? "; tolerated (on_failure: continue)" : "";
            h.Append($"<li>{E(t.Time(f.At))} <code>{E(f.StepId)}</code> attempt {f.Attempt} failed: {E(f.Error)}{E(next)}</li>");
        }

        h.Append(report.Failures.Count == 0 ? "" : "</ul>");
        if (report.Decisions.Count > 0)
        {
            h.Append("<h2>Decisions</h2><ul>");
            foreach (var d in report.Decisions)
            {
                h.Append($"<li>{E(t.Time(d.At))} {E(d.Action)}{(d.StepId is { } step ? $" <code>{E(step)}</code>" : "")} by {E(d.By)} via {E(d.Source)}{(d.Detail is { } detail ? $": {E(detail)}" : "")}</li>");
            }

            h.Append("</ul>");
        }

        h.Append("<h2>Rollback</h2>");
        if (report.Rollback is not { } rollback)
        {
            h.Append("<p>No rollback.</p>");
        }
        else
        {
            h.Append($"<p>Started {E(t.Full(rollback.StartedAt))}{(rollback.By is { } rb ? $" by {E(rb)} via {E(rollback.Source ?? "")}" : "")}: {E(rollback.Reason)}. Ended {E(t.Full(rollback.FinishedAt))}.</p>");
            h.Append("<div class=\"wrap\"><table><thead><tr><th scope=\"col\">Undo of</th><th scope=\"col\">State</th><th scope=\"col\">Started</th><th scope=\"col\">Finished</th><th scope=\"col\">Attempts</th><th scope=\"col\">Result</th></tr></thead><tbody>");
            foreach (var c in rollback.Items)
            {
                h.Append($"<tr><th scope=\"row\"><code>{E(c.StepId)}</code>{(c.IsRollbackStep ? " (rollback step)" : "")}</th><td>{E(c.State)}</td><td>{E(t.Time(c.StartedAt))}</td><td>{E(t.Time(c.FinishedAt))}</td><td>{c.Attempts}</td><td>{E(c.Error ?? c.Summary ?? "")}</td></tr>");
            }

            h.Append("</tbody></table></div>");
        }

        h.Append("<h2>Guards</h2>");
        h.Append(report.Guards.Count == 0 ? "<p>The runbook has no guards.</p>" : "<ul>");
        foreach (var g in report.Guards)
        {
            h.Append($"<li><code>{E(g.Id)}</code>: {E(g.State)}, {g.Readings} readings, {g.Breaches} in breach, min {E(ReportText.Number(g.Min))}, max {E(ReportText.Number(g.Max))}, last {E(ReportText.Number(g.LastValue))}");
            foreach (var trip in g.Trips)
            {
                h.Append($"<br><span class=\"bad\">tripped at {E(t.Time(trip.At))} ({E(trip.Response)}): {E(trip.Detail)}</span>");
            }

            h.Append("</li>");
        }

        h.Append(report.Guards.Count == 0 ? "" : "</ul>").Append("<h2>Audit trail</h2>");
        h.Append(AuditTable(report.Audit, t));
        h.Append($"<p><small>Generated {E(t.Full(report.GeneratedAt))}.</small></p></main></body></html>");
        return h.ToString();
    }

    /// <summary>The audit entries as a table (shared with the dashboard's run page).</summary>
    public static string AuditTable(IReadOnlyList<ReportAuditEntry> audit, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(text);
        if (audit.Count == 0)
        {
            return "<p>No audited actions.</p>";
        }

        var h = new StringBuilder("<div class=\"wrap\"><table class=\"audit\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">From</th><th scope=\"col\">Action</th><th scope=\"col\">Step</th><th scope=\"col\">Outcome</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
        foreach (var a in audit)
        {
            h.Append($"<tr class=\"audit-{E(a.Outcome)}\"><td>{a.Id}</td><td>{E(text.Time(a.At))}</td><td>{E(a.Actor)}</td><td>{E(a.Source)}</td><td>{E(a.Action)}</td><td>{E(a.StepId ?? "")}</td><td>{E(a.Outcome)}</td><td>{E(a.Detail ?? "")}</td></tr>");
        }

        return h.Append("</tbody></table></div>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
