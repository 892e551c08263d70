using System.Text;
using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Planning.Calendar;
using RunbookRunner.Core.Tests.TestSupport;

namespace RunbookRunner.Core.Tests.Planning.Exports;

public sealed class PlanCalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private const string AcrossClockChange = """
        name: across-dst
        title: "Cutover; phase 1, with a very long title that has to be folded across several lines of the calendar file"
        timezone: Europe/London
        roles: { leads: [U01AAA, U01BBB] }
        defaults: { timeout: 10m }
        steps:
          - id: go
            at: T-2h
            approval: { roles: [leads], required: 2, timeout: 45m }
          - id: freeze
            at: T-1h
            action: shell
            with: { run: ./freeze.sh }
            idempotent: true
          - id: deploy
            at: T+0
            action: shell
            with: { run: ./deploy.sh }
            idempotent: true
            approval: { roles: [leads], timeout: 15m }
          - id: note
            manual: "Write the log: what, when, who"
          - id: watch
            every: 1h
            until: T+3h
            action: http.check
            with: { checks: [ { url: "https://example.com/healthz" } ] }
        """;

    [Fact]
    public void Write_LaunchDay_HasOneEventPerTimedStepAndApprovalWindow()
    {
        var (runbook, plan) = Plan(File.ReadAllText(Path.Combine(Repository.Root, "runbooks", "launch-day.yaml")), new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(1)), "production");

        var calendar = IcsDocument.Parse(PlanCalendar.Write(plan, runbook, Stamp));

        var running = runbook.Steps.Where(s => !plan.FindStep(s.Id)!.Skipped).ToList();
        var expected = running.Count(s => s.Approval is not null)
            + running.Count(s => s.Kind != StepKind.Approval && (s.At is not null || s.Every is not null));
        var events = calendar.All("VEVENT").ToList();
        events.Should().HaveCount(expected);
        events.Select(e => e.Value("UID")).Should().OnlyHaveUniqueItems();
        calendar.All("VTIMEZONE").Single().Value("TZID").Should().Be("Europe/London");
        foreach (var item in events)
        {
            item.Property("DTSTART").Parameters["TZID"].Should().Be("Europe/London");
            var key = item.Value("UID").Split("-20260601T110000Z@")[0]["launch-day-".Length..];
            var stepId = item.Value("CATEGORIES") == "approval" ? key[..^"-approval".Length] : key;
            calendar.Instant(item.Property("DTSTART")).Should().Be(plan.FindStep(stepId)!.PlannedStart, stepId);
        }
    }

    [Fact]
    public void Write_AcrossTheClockChange_TimesReadBackInTheirOwnOffsets()
    {
        // T0 is 02:30 BST on the day the clocks go forward (01:00 UTC on 2026-03-29): T-2h is still GMT.
        var t0 = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);
        var (runbook, plan) = Plan(AcrossClockChange, t0, null);

        var text = PlanCalendar.Write(plan, runbook, Stamp);
        var calendar = IcsDocument.Parse(text);

        var zone = calendar.All("VTIMEZONE").Single();
        zone.Children.Select(c => c.Name).Should().Contain(["STANDARD", "DAYLIGHT"]);
        var events = calendar.All("VEVENT").ToDictionary(e => IcsDocument.Unescape(e.Value("SUMMARY")));
        events.Keys.Should().BeEquivalentTo(
            "Approval: go (T-2h)", "freeze (T-1h)", "deploy (T+0)", "Approval: deploy (T+0)", "watch (T+0)");
        events["Approval: go (T-2h)"].Property("DTSTART").Value.Should().Be("20260328T233000");
        calendar.Instant(events["Approval: go (T-2h)"].Property("DTSTART")).Should().Be(t0.AddHours(-2));
        calendar.Instant(events["Approval: go (T-2h)"].Property("DTEND")).Should().Be(t0.AddHours(-2).AddMinutes(45));
        events["deploy (T+0)"].Property("DTSTART").Value.Should().Be("20260329T023000");
        calendar.Instant(events["deploy (T+0)"].Property("DTSTART")).Should().Be(t0);
        events["watch (T+0)"].Value("RRULE").Should().Be("FREQ=HOURLY;INTERVAL=1;COUNT=4");
        IcsDocument.Unescape(calendar.Components[0].Value("X-WR-CALNAME")).Should().Be(runbook.Title);
    }

    [Fact]
    public void Write_FoldsLongLinesAt75OctetsWithCrlf()
    {
        var (runbook, plan) = Plan(AcrossClockChange.Replace("phase 1", "phase 1 — “ünïcödé” ✓", StringComparison.Ordinal), new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), null);

        var text = PlanCalendar.Write(plan, runbook, Stamp);

        text.Should().EndWith("\r\n");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Should().NotContain("\n").And.NotContain("\r");
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l) <= 75);
        lines.Should().Contain(l => l.StartsWith(' '), "the long title must be folded");
        var name = IcsDocument.Parse(text).Components[0].Value("X-WR-CALNAME");
        IcsDocument.Unescape(name).Should().Be(runbook.Title);
        name.Should().Contain("Cutover\\; phase 1").And.Contain("\\,");
    }

    [Fact]
    public void Escape_TextSpecials_AreEscaped()
    {
        IcsWriter.Escape("a\\b;c,d\ne").Should().Be("a\\\\b\\;c\\,d\\ne");
    }

    private static (Runbook Runbook, RunPlan Plan) Plan(string yaml, DateTimeOffset t0, string? environment)
    {
        var loaded = RunbookLoader.Load(yaml, "test.yaml");
        loaded.Succeeded.Should().BeTrue(string.Join("\n", loaded.Diagnostics));
        return (loaded.Runbook!, RunPlanner.Plan(loaded.Runbook!, t0, environment));
    }
}
