using System.Globalization;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Cli.Output;

/// <summary>Text output of runs: a header, a table of steps with what each waits for, then open approvals.</summary>
internal static class RunPrinter
{
    public static void Write(TextWriter writer, RunDto run)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        writer.WriteLine($"{run.Id}  {run.Runbook}{(run.Title == run.Runbook ? "" : $" ({run.Title})")}  {run.State.ToUpperInvariant()}{(run.Rehearsal ? "  [rehearsal]" : "")}");
        writer.WriteLine($"T0 {CliJson.Instant(run.T0)}{(run.Environment is null ? "" : $"  env {run.Environment}")}  started by {run.StartedBy}  lateness {Duration(run.Lateness)}");
        if (run.PauseReason is { } pause)
        {
            writer.WriteLine($"paused: {pause}");
        }

        if (run.EndReason is { } end)
        {
            writer.WriteLine($"ended: {end}");
        }

        writer.WriteLine();
        var table = new TextTable("STEP", "KIND", "STATE", "ATTEMPTS", "NOTE");
        foreach (var step in run.Steps)
        {
            table.AddRow(step.Id, step.Kind, step.State, step.Attempts.ToString(CultureInfo.InvariantCulture), Note(run, step));
        }

        table.Write(writer);
        foreach (var approval in run.Approvals.Where(a => a.Open))
        {
            var granted = approval.Granted.Count == 0 ? "none yet" : string.Join(", ", approval.Granted.Select(g => g.By));
            writer.WriteLine();
            var needed = approval.Roles.Count == 0
                ? $"{approval.StillNeeded} more of {approval.Required} needed from {string.Join(", ", approval.Eligible)}"
                : $"{approval.StillNeeded} more needed, one person per role: " + string.Join("; ", approval.Roles.Select(r => $"{r} ({string.Join(", ", r.Members)})"));
            writer.WriteLine($"approval {approval.Target}: {needed} (granted: {granted})");
            foreach (var gate in approval.Gates)
            {
                writer.WriteLine($"  {(gate.Passed ? "pass" : "FAIL")}  {gate.Gate}: {gate.Evidence}");
            }
        }

        if (run.Rollback is { } rollback)
        {
            writer.WriteLine();
            writer.WriteLine($"rollback: {rollback.Reason}");
            foreach (var item in rollback.Items)
            {
                writer.WriteLine($"  {item.Step}{(item.IsRollbackStep ? " (rollback step)" : " (undo)")}: {item.State}{(item.Error is null ? "" : $" - {item.Error}")}");
            }
        }
    }

    public static void WriteList(TextWriter writer, IReadOnlyList<RunListItemDto> runs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            writer.WriteLine("no runs");
            return;
        }

        var table = new TextTable("ID", "RUNBOOK", "STATE", "T0", "ENV", "STARTED BY", "LATENESS");
        foreach (var run in runs)
        {
            table.AddRow(
                run.Id,
                run.Runbook + (run.Rehearsal ? " [rehearsal]" : ""),
                run.State,
                CliJson.Instant(run.T0),
                run.Environment ?? "-",
                run.StartedBy,
                Duration(run.Lateness));
        }

        table.Write(writer);
    }

    private static string Note(RunDto run, RunStepDto step)
    {
        if (step.Error is { } error)
        {
            return Shorten(error);
        }

        if (run.Approvals.FirstOrDefault(a => a.Target == step.Id && a.Open) is { } approval)
        {
            return $"needs {approval.StillNeeded} more approval{(approval.StillNeeded == 1 ? "" : "s")}{(approval.Roles.Count > 0 ? $" ({approval.Progress})" : "")}";
        }

        if (step.WaitingUntil is { } until && step.State == StepStates.Waiting)
        {
            return $"until {CliJson.Instant(until)}";
        }

        return step.DoneBy is { } by ? $"by {by}" : Shorten(step.Summary ?? "");
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..57] + "...";
    }

    private static string Duration(TimeSpan value) =>
        value <= TimeSpan.Zero ? "0s"
        : value.TotalHours >= 1 ? $"{(int)value.TotalHours}h{value.Minutes:00}m"
        : value.TotalMinutes >= 1 ? $"{value.Minutes}m{value.Seconds:00}s"
        : $"{value.Seconds}s";
}
