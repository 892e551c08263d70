using System.Globalization;
using System.Net;
using System.Text;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Server.Timeline;

/// <summary>
/// Draws a <see cref="TimelineChart"/> as self-contained SVG (no script, no external styles): planned windows as pale
/// boxes (worst case dashed), actual bars coloured by state, the critical path in bold with a red edge, marks for
/// approvals, failures, retries, undos, a purple line where a rollback began and a red "now" line.
/// </summary>
public static class TimelineSvg
{
    private const double Width = 960;
    private const double LabelWidth = 210;
    private const double PlotLeft = LabelWidth + 8;
    private const double PlotRight = Width - 70;
    private const double Header = 40;

    // Roughly the width of one 11px glyph: enough to tell when two labels would print over each other.
    private const double GlyphWidth = 6.5;
    private const double RowHeight = 30;
    private const double Footer = 8;

    private static readonly TimeSpan[] TickSteps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
    ];

    /// <summary>The SVG element (no XML declaration), sized by its viewBox so it scales to its container.</summary>
    public static string Render(TimelineChart chart, string id = "timeline")
    {
        ArgumentNullException.ThrowIfNull(chart);
        var clock = TryClock(chart.TimeZone);
        var height = Header + (chart.Rows.Count * RowHeight) + Footer;
        var scale = new Scale(chart.Start, chart.End);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{Attr(id)}\" class=\"timeline\" viewBox=\"0 0 {Width} {height}\" "))
            .Append(Inv($"width=\"100%\" role=\"img\" aria-labelledby=\"{Attr(id)}-title {Attr(id)}-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\""))
            .Append(chart.Now is { } n ? $" data-now=\"{Attr(n.ToString("O", CultureInfo.InvariantCulture))}\"" : "")
            .Append(Inv($" data-rows=\"{chart.Rows.Count}\">"));
        svg.Append(Inv($"<title id=\"{Attr(id)}-title\">Timeline: planned windows and actual bars of {chart.Rows.Count} steps</title>"));
        svg.Append(Inv($"<desc id=\"{Attr(id)}-desc\">{Text(Describe(chart))}</desc>"));
        svg.Append(Inv($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>"));
        Axis(svg, chart, scale, clock, height);
        for (var i = 0; i < chart.Rows.Count; i++)
        {
            Row(svg, chart.Rows[i], Header + (i * RowHeight), scale, clock, i);
        }

        // Marks close together (a pause, then a rollback seconds later) would print their labels over each other:
        // a label that would touch the one before it goes up a lane.
        double[] laneEnds = [double.NegativeInfinity, double.NegativeInfinity];
        foreach (var mark in chart.Marks)
        {
            var x = scale.X(mark.At);
            var label = Kind(mark.Kind);
            var lane = x + 3 > laneEnds[0] + 4 ? 0 : x + 3 > laneEnds[1] + 4 ? 1 : 0;
            laneEnds[lane] = x + 3 + (label.Length * GlyphWidth);
            svg.Append(Inv($"<g class=\"run-mark mark-{label}\"><title>{Text(mark.Label)} at {Text(Clock(clock, mark.At, true))}</title>"))
                .Append(Inv($"<line x1=\"{F(x)}\" y1=\"{Header - 4 - (lane * 11)}\" x2=\"{F(x)}\" y2=\"{F(height - Footer)}\" stroke=\"{MarkColour(mark.Kind)}\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"))
                .Append(Inv($"<text x=\"{F(x + 3)}\" y=\"{Header - 6 - (lane * 11)}\" fill=\"{MarkColour(mark.Kind)}\" font-size=\"11\">{Text(label)}</text></g>"));
        }

        if (chart.Now is { } now)
        {
            var x = scale.X(now);
            var lane = x + 3 > laneEnds[0] + 4 ? 0 : 1;
            svg.Append(Inv($"<g class=\"now-line\"><title>now, {Text(Clock(clock, now, true))}</title>"))
                .Append(Inv($"<line x1=\"{F(x)}\" y1=\"{Header - 4 - (lane * 11)}\" x2=\"{F(x)}\" y2=\"{F(height - Footer)}\" stroke=\"#d1242f\" stroke-width=\"2\"/>"))
                .Append(Inv($"<text x=\"{F(x + 3)}\" y=\"{Header - 6 - (lane * 11)}\" fill=\"#d1242f\" font-weight=\"bold\" font-size=\"11\">now</text></g>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Axis(StringBuilder svg, TimelineChart chart, Scale scale, RunbookClock? clock, double height)
    {
        var span = chart.End - chart.Start;
        var step = TickSteps.FirstOrDefault(s => span.Ticks / s.Ticks <= 8, TickSteps[^1]);
        var offset = clock?.At(chart.Start).Local.Offset ?? TimeSpan.Zero;
        var firstTick = new DateTimeOffset(((chart.Start.UtcTicks + offset.Ticks + step.Ticks - 1) / step.Ticks * step.Ticks) - offset.Ticks, TimeSpan.Zero);
        svg.Append("<g class=\"axis\">");
        for (var t = firstTick; t <= chart.End; t += step)
        {
            var x = scale.X(t);
            var label = step < TimeSpan.FromMinutes(1) ? Clock(clock, t, true) : step >= TimeSpan.FromDays(1) || span > TimeSpan.FromDays(1) ? Day(clock, t) : Clock(clock, t, false);
            svg.Append(Inv($"<line x1=\"{F(x)}\" y1=\"{Header - 2}\" x2=\"{F(x)}\" y2=\"{F(height - Footer)}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>"))
                .Append(Inv($"<text x=\"{F(x)}\" y=\"12\" text-anchor=\"middle\" fill=\"#57606a\" font-size=\"11\">{Text(label)}</text>"));
        }

        if (chart.T0 >= chart.Start && chart.T0 <= chart.End)
        {
            var x = scale.X(chart.T0);
            svg.Append(Inv($"<line class=\"t0\" x1=\"{F(x)}\" y1=\"{Header - 4}\" x2=\"{F(x)}\" y2=\"{F(height - Footer)}\" stroke=\"#24292f\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>"))
                .Append(Inv($"<text x=\"{F(x - 3)}\" y=\"{Header - 6}\" text-anchor=\"end\" fill=\"#24292f\" font-size=\"11\">T0</text>"));
        }

        svg.Append("</g>");
    }

    private static void Row(StringBuilder svg, TimelineRow row, double top, Scale scale, RunbookClock? clock, int index)
    {
        var tip = new StringBuilder($"{row.StepId}: {row.State.Replace('_', ' ')}; planned {Clock(clock, row.PlannedStart, true)}");
        if (row.ActualStart is { } actualStart)
        {
            tip.Append($"; started {Clock(clock, actualStart, true)}");
        }

        if (row.ActualFinish is { } actualFinish && !row.InProgress)
        {
            tip.Append($", ended {Clock(clock, actualFinish, true)}");
        }

        if (row.Lateness >= TimeSpan.FromSeconds(1))
        {
            tip.Append($"; {Durations.Format(Round(row.Lateness))} late");
        }

        if (row.Critical)
        {
            tip.Append("; critical path");
        }

        svg.Append(Inv($"<g class=\"row state-{Attr(row.State)}{(row.Critical ? " critical" : "")}\" data-step=\"{Attr(row.StepId)}\" data-state=\"{Attr(row.State)}\"><title>{Text(tip.ToString())}</title>"));
        if (index % 2 == 1)
        {
            svg.Append(Inv($"<rect x=\"0\" y=\"{F(top)}\" width=\"{Width}\" height=\"{RowHeight}\" fill=\"#f6f8fa\"/>"));
        }

        if (row.Critical)
        {
            svg.Append(Inv($"<rect x=\"0\" y=\"{F(top + 3)}\" width=\"4\" height=\"{RowHeight - 6}\" fill=\"#cf222e\"/>"));
        }

        var label = row.StepId.Length > 28 ? row.StepId[..27] + "…" : row.StepId;
        svg.Append(Inv($"<text x=\"10\" y=\"{F(top + 19)}\" fill=\"#24292f\"{(row.Critical ? " font-weight=\"bold\"" : "")}>{Text(label)}</text>"));

        // Planned: expected window (at least a sliver, most steps are expected to take no time) and the worst case dashed.
        var plannedX = scale.X(row.PlannedStart);
        var latestX = scale.X(row.PlannedFinishLatest);
        if (latestX > plannedX + 1)
        {
            svg.Append(Inv($"<rect class=\"planned-latest\" x=\"{F(plannedX)}\" y=\"{F(top + 5)}\" width=\"{F(latestX - plannedX)}\" height=\"9\" fill=\"none\" stroke=\"#8c959f\" stroke-dasharray=\"3 2\"/>"));
        }

        var plannedWidth = Math.Max(4, scale.X(row.PlannedFinish) - plannedX);
        svg.Append(Inv($"<rect class=\"planned\" x=\"{F(plannedX)}\" y=\"{F(top + 5)}\" width=\"{F(plannedWidth)}\" height=\"9\" fill=\"#b6c7e3\" stroke=\"{(row.Critical ? "#cf222e" : "#54aeff")}\"/>"));

        if (row.ActualStart is { } start)
        {
            var x = scale.X(start);
            var width = Math.Max(4, scale.X(row.ActualFinish ?? start) - x);
            svg.Append(Inv($"<rect class=\"actual\" x=\"{F(x)}\" y=\"{F(top + 15)}\" width=\"{F(width)}\" height=\"11\" rx=\"2\" fill=\"{StateColour(row.State)}\"/>"));
        }

        foreach (var mark in row.Marks)
        {
            var x = scale.X(mark.At);
            svg.Append(Inv($"<g class=\"mark mark-{Kind(mark.Kind)}\"><title>{Text(mark.Label)} at {Text(Clock(clock, mark.At, true))}</title>"))
                .Append(Inv($"<path d=\"M{F(x)} {F(top + 13)} l5 7 l-5 7 l-5 -7 z\" fill=\"{MarkColour(mark.Kind)}\" stroke=\"#ffffff\" stroke-width=\"1\"/></g>"));
        }

        if (row.Lateness >= TimeSpan.FromSeconds(1))
        {
            svg.Append(Inv($"<text class=\"late\" x=\"{PlotRight + 6}\" y=\"{F(top + 19)}\" fill=\"#9a6700\" font-size=\"11\">+{Text(Durations.Format(Round(row.Lateness)))}</text>"));
        }

        svg.Append("</g>");
    }

    private static string Describe(TimelineChart chart)
    {
        var done = chart.Rows.Count(r => r.State is "succeeded");
        var late = chart.Lateness >= TimeSpan.FromSeconds(1) ? $"{Durations.Format(Round(chart.Lateness))} behind plan" : "on plan";
        var critical = string.Join(", ", chart.Rows.Where(r => r.Critical).Select(r => r.StepId));
        return $"{done} of {chart.Rows.Count} steps succeeded; {late}; critical path: {(critical.Length == 0 ? "none" : critical)}.";
    }

    private static string StateColour(string state) => state switch
    {
        "succeeded" => "#1a7f37",
        "failed" => "#cf222e",
        "running" => "#0969da",
        "compensated" => "#8250df",
        "interrupted" => "#bc4c00",
        "awaiting_approval" => "#9a6700",
        _ => "#6e7781",
    };

    private static string MarkColour(TimelineMarkKind kind) => kind switch
    {
        TimelineMarkKind.Approval => "#1a7f37",
        TimelineMarkKind.Rejection or TimelineMarkKind.Failure or TimelineMarkKind.GuardTrip or TimelineMarkKind.Abort => "#cf222e",
        TimelineMarkKind.Retry or TimelineMarkKind.Pause => "#9a6700",
        _ => "#8250df",
    };

    private static string Kind(TimelineMarkKind kind) => kind switch
    {
        TimelineMarkKind.GuardTrip => "guard-trip",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static RunbookClock? TryClock(string zone) => RunbookClock.IsKnownTimeZone(zone) ? RunbookClock.For(zone) : null;

    private static string Clock(RunbookClock? clock, DateTimeOffset at, bool seconds)
    {
        var local = clock?.At(at).Local ?? at;
        return local.ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Day(RunbookClock? clock, DateTimeOffset at) =>
        (clock?.At(at).Local ?? at).ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Text(string value) => WebUtility.HtmlEncode(value);

    private static string Attr(string value) => WebUtility.HtmlEncode(value);

    private readonly record struct Scale(DateTimeOffset Start, DateTimeOffset End)
    {
        public double X(DateTimeOffset at)
        {
            var span = Math.Max(1, (End - Start).TotalSeconds);
            var ratio = Math.Clamp((at - Start).TotalSeconds / span, 0, 1);
            return PlotLeft + (ratio * (PlotRight - PlotLeft));
        }
    }
}
