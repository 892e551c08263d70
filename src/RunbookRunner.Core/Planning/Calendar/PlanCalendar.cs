using System.Globalization;
using NodaTime;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Planning.Calendar;

/// <summary>
/// The plan of a run as an iCalendar file (RFC 5545) for the war room's calendars: one VEVENT per timed step (a step
/// with <c>at</c> or <c>every</c>, recurring ones with an RRULE) and one per approval window (from the approval's
/// planned start for its timeout), in the runbook's time zone, described by a VTIMEZONE.
/// </summary>
public static class PlanCalendar
{
    private const string Domain = "runbook-runner";

    /// <summary>The calendar text; <paramref name="stamp"/> is the DTSTAMP (when the file was made).</summary>
    public static string Write(RunPlan plan, Runbook runbook, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runbook);
        var zone = DateTimeZoneProviders.Tzdb[plan.TimeZone];
        var ics = new IcsWriter();
        ics.Line("BEGIN", "VCALENDAR");
        ics.Line("VERSION", "2.0");
        ics.Line("PRODID", "-//RunbookRunner//runbook plan//EN");
        ics.Line("CALSCALE", "GREGORIAN");
        ics.Line("METHOD", "PUBLISH");
        ics.Text("X-WR-CALNAME", plan.Title ?? plan.Runbook);
        ics.Line("X-WR-TIMEZONE", plan.TimeZone);

        var events = Events(plan, runbook).ToList();
        var from = events.Count == 0 ? plan.RunStart : events.Min(e => e.Start);
        var to = events.Count == 0 ? plan.PlannedFinishLatest : events.Max(e => e.End ?? e.Start);
        WriteTimeZone(ics, zone, from, to > plan.PlannedFinishLatest ? to : plan.PlannedFinishLatest);

        foreach (var item in events)
        {
            ics.Line("BEGIN", "VEVENT");
            ics.Line("UID", $"{plan.Runbook}-{item.Key}-{IcsWriter.UtcDateTime(plan.T0)}@{Domain}");
            ics.Line("DTSTAMP", IcsWriter.UtcDateTime(stamp));
            ics.Line("DTSTART", "TZID=" + zone.Id, IcsWriter.LocalDateTime(Local(zone, item.Start)));
            if (item.End is { } end && end > item.Start)
            {
                ics.Line("DTEND", "TZID=" + zone.Id, IcsWriter.LocalDateTime(Local(zone, end)));
            }

            if (item.Rule is { } rule)
            {
                ics.Line("RRULE", rule);
            }

            ics.Text("SUMMARY", item.Summary);
            ics.Text("DESCRIPTION", item.Description);
            ics.Text("CATEGORIES", item.Category);
            ics.Line("TRANSP", "OPAQUE");
            ics.Line("END", "VEVENT");
        }

        ics.Line("END", "VCALENDAR");
        return ics.ToString();
    }

    private static IEnumerable<CalendarItem> Events(RunPlan plan, Runbook runbook)
    {
        var environment = plan.Environment is null ? string.Empty : $" ({plan.Environment})";
        foreach (var step in plan.Steps.Where(s => !s.Skipped))
        {
            var definition = runbook.FindStep(step.Id);
            var approval = definition?.Approval;
            if (approval is not null)
            {
                var window = approval.Timeout ?? (step.Kind == StepKind.Approval ? step.LatestDuration : TimeSpan.Zero);
                var who = approval.Quotas.Count > 0
                    ? "approvals from " + string.Join(", ", approval.Quotas.Select(q => $"{q.Role} ({q.Count})"))
                    : $"{approval.Required} approval(s) from {string.Join(", ", approval.Roles)}";
                yield return new CalendarItem(
                    step.Id + "-approval",
                    step.PlannedStart,
                    step.PlannedStart + window,
                    null,
                    $"Approval: {step.Title} ({step.TOffsetText})",
                    $"{plan.Runbook}{environment}: {who}"
                    + (approval.Timeout is { } timeout ? $" within {Durations.Format(timeout)}, then {approval.OnTimeout.ToString().ToLowerInvariant()}" : string.Empty)
                    + $".\nPlanned at {step.ClockTime} ({step.TOffsetText}).",
                    "approval");
            }

            if (step.Kind == StepKind.Approval || (step.Anchor is null && step.Recurrence is null))
            {
                continue;
            }

            var what = step.Action is null ? step.Kind.ToString().ToLowerInvariant() : "action " + step.Action;
            var description = $"{plan.Runbook}{environment}: {what}, planned at {step.ClockTime} ({step.TOffsetText})"
                + (step.After.Count > 0 ? $", after {string.Join(", ", step.After)}" : string.Empty)
                + (step.LatestDuration > TimeSpan.Zero ? $"; may take up to {Durations.Format(step.LatestDuration)}" : string.Empty)
                + (step.IsBehindAnchor ? $"; starts {Durations.Format(step.BehindAnchor)} after its anchor because of its dependencies" : string.Empty)
                + ".";
            yield return new CalendarItem(
                step.Id,
                step.PlannedStart,
                step.PlannedStart + (step.LatestDuration > step.ExpectedDuration ? step.LatestDuration : step.ExpectedDuration),
                Rule(step.Recurrence),
                $"{step.Title} ({step.TOffsetText})",
                description,
                step.Kind.ToString().ToLowerInvariant());
        }
    }

    /// <summary>An RRULE in the coarsest unit that divides the interval, so calendar apps accept it.</summary>
    private static string? Rule(PlannedRecurrence? recurrence)
    {
        if (recurrence is not { Occurrences: { } count } || count < 2)
        {
            return null;
        }

        var every = recurrence.Every;
        var (frequency, interval) = every switch
        {
            _ when every.Ticks % TimeSpan.TicksPerDay == 0 => ("DAILY", every.Ticks / TimeSpan.TicksPerDay),
            _ when every.Ticks % TimeSpan.TicksPerHour == 0 => ("HOURLY", every.Ticks / TimeSpan.TicksPerHour),
            _ when every.Ticks % TimeSpan.TicksPerMinute == 0 => ("MINUTELY", every.Ticks / TimeSpan.TicksPerMinute),
            _ => ("SECONDLY", Math.Max(1, every.Ticks / TimeSpan.TicksPerSecond)),
        };
        return string.Create(CultureInfo.InvariantCulture, $"FREQ={frequency};INTERVAL={interval};COUNT={count}");
    }

    /// <summary>
    /// A VTIMEZONE with one observance per offset change between <paramref name="from"/> and <paramref name="to"/>,
    /// taken from the tz database, so the calendar needs no rules of its own (§3.6.5).
    /// </summary>
    private static void WriteTimeZone(IcsWriter ics, DateTimeZone zone, DateTimeOffset from, DateTimeOffset to)
    {
        ics.Line("BEGIN", "VTIMEZONE");
        ics.Line("TZID", zone.Id);
        var start = Instant.FromDateTimeOffset(from) - Duration.FromDays(1);
        var end = Instant.FromDateTimeOffset(to) + Duration.FromDays(1);
        foreach (var interval in zone.GetZoneIntervals(start, end))
        {
            var begins = interval.HasStart ? interval.Start : Instant.FromUtc(1970, 1, 1, 0, 0);
            var before = interval.HasStart ? zone.GetZoneInterval(interval.Start - Duration.FromTicks(1)).WallOffset : interval.WallOffset;
            var kind = interval.Savings == Offset.Zero ? "STANDARD" : "DAYLIGHT";
            ics.Line("BEGIN", kind);
            ics.Line("DTSTART", IcsWriter.LocalDateTime((begins + Duration.FromTimeSpan(before.ToTimeSpan())).ToDateTimeUtc()));
            ics.Line("TZOFFSETFROM", IcsWriter.Offset(before.ToTimeSpan()));
            ics.Line("TZOFFSETTO", IcsWriter.Offset(interval.WallOffset.ToTimeSpan()));
            ics.Text("TZNAME", interval.Name);
            ics.Line("END", kind);
        }

        ics.Line("END", "VTIMEZONE");
    }

    private static DateTime Local(DateTimeZone zone, DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime.ToDateTimeUnspecified();
}
