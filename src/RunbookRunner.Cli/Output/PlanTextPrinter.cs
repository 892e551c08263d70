using RunbookRunner.Core.Model;
using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Cli.Output;

/// <summary>Prints a <see cref="RunPlan"/> as a timeline table people can read at a glance.</summary>
internal static class PlanTextPrinter
{
    public static void Write(RunPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = RunbookClock.For(plan.TimeZone);
        output.WriteLine(plan.Title is null ? plan.Runbook : $"{plan.Runbook} - {plan.Title}");
        output.WriteLine($"T0 {clock.At(plan.T0)} ({CliJson.Instant(plan.T0)}), clock times in {plan.TimeZone}, environment: {plan.Environment ?? "(none)"}");
        output.WriteLine();

        var table = new TextTable(" ", "T-OFFSET", "CLOCK", "STEP", "KIND", "DEPENDS ON", "PAR", "LATEST END", "NOTES");
        foreach (var step in plan.Timeline())
        {
            table.AddRow(
                step.Critical ? "*" : string.Empty,
                step.TOffsetText,
                step.ClockTime.ToString(),
                step.Id,
                Kind(step),
                step.After.Count == 0 ? "-" : string.Join(",", step.After),
                step.ParallelGroup is { } group ? $"P{group}" : string.Empty,
                step.Skipped ? "-" : new TimeAnchor(step.PlannedFinishLatest - plan.T0).ToString(),
                Notes(step));
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine("* critical path; P<n>: steps with the same dependencies, run in parallel; LATEST END: if every step runs to its timeout");
        output.WriteLine($"Critical path: {(plan.CriticalPath.Count == 0 ? "(none)" : string.Join(" -> ", plan.CriticalPath))}");
        output.WriteLine($"Expected finish: {When(plan.PlannedFinish, plan.T0, clock)}; at the latest: {When(plan.PlannedFinishLatest, plan.T0, clock)}");

        WriteRollback(plan, output);
        WriteGuards(plan, output, clock);
    }

    private static void WriteRollback(RunPlan plan, TextWriter output)
    {
        output.WriteLine();
        if (plan.Rollback.Count == 0)
        {
            output.WriteLine("Rollback: nothing to undo");
            return;
        }

        output.WriteLine("Rollback (in this order):");
        var table = new TextTable("#", "WHAT", "RUNS");
        for (var i = 0; i < plan.Rollback.Count; i++)
        {
            var entry = plan.Rollback[i];
            table.AddRow(
                $"{i + 1}.",
                entry.Source == CompensationSource.Undo ? $"undo {entry.Id}" : entry.Id,
                entry.Action ?? entry.Kind.ToString().ToLowerInvariant());
        }

        table.Write(output, "  ");
    }

    private static void WriteGuards(RunPlan plan, TextWriter output, RunbookClock clock)
    {
        if (plan.Guards.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Guards (watched while active):");
        var table = new TextTable("GUARD", "FROM", "UNTIL", "EVERY", "THEN");
        foreach (var guard in plan.Guards)
        {
            table.AddRow(
                guard.Id,
                $"{guard.From} done, {When(guard.ActiveFrom, plan.T0, clock)}",
                guard.ActiveUntil is { } until ? When(until, plan.T0, clock) : "end of run",
                Durations.Format(guard.Every),
                guard.Then.ToString().ToLowerInvariant() + (guard.RequiresApproval ? " (after approval)" : string.Empty));
        }

        table.Write(output, "  ");
    }

    private static string Kind(PlannedStep step) => step.Kind switch
    {
        StepKind.Action => $"action {step.Action}" + (step.HasApproval ? " +approval" : string.Empty),
        StepKind.Wait => $"wait {Durations.Format(step.ExpectedDuration)}",
        _ => step.Kind.ToString().ToLowerInvariant(),
    };

    private static string Notes(PlannedStep step)
    {
        var notes = new List<string>();
        if (step.Skipped)
        {
            notes.Add("skipped in this environment");
        }

        if (step.IsBehindAnchor)
        {
            notes.Add($"{Durations.Format(step.BehindAnchor)} behind its anchor {step.Anchor}");
        }
        else if (step.BehindAnchorLatest > TimeSpan.Zero)
        {
            notes.Add($"up to {Durations.Format(step.BehindAnchorLatest)} late if earlier steps run to their timeouts");
        }

        if (step.Recurrence is { } r)
        {
            notes.Add(r.Occurrences is { } n
                ? $"every {Durations.Format(r.Every)} until {r.Until}, {n}x"
                : $"every {Durations.Format(r.Every)} until the run ends");
        }

        return string.Join("; ", notes);
    }

    private static string When(DateTimeOffset instant, DateTimeOffset t0, RunbookClock clock) =>
        $"{new TimeAnchor(instant - t0)} ({clock.At(instant)})";
}
