using RunbookRunner.Core.Planning;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Cli.Output;

/// <summary>The table at the end of a rehearsal: per step, planned vs actual start, lateness, outcome.</summary>
internal static class RehearsalSummaryPrinter
{
    public static void Write(TextWriter writer, RunState state, RunPlan plan, TimeSpan wall)
    {
        var planned = plan.Steps.ToDictionary(s => s.Id);
        var table = new TextTable("STEP", "PLANNED", "ACTUAL", "LATE", "STATE", "TRIES");
        foreach (var step in state.Runbook.Steps)
        {
            var s = state.Steps[step.Id];
            var plannedStart = planned.TryGetValue(step.Id, out var p) ? p.PlannedStart : (DateTimeOffset?)null;
            var late = s.StartedAt is { } actual && plannedStart is { } expected && actual - expected > TimeSpan.FromSeconds(1)
                ? Durations.Format(TimeSpan.FromSeconds(Math.Round((actual - expected).TotalSeconds)))
                : "";
            table.AddRow(
                step.Id,
                plannedStart is { } ps ? Offset(ps, state) : "",
                s.StartedAt is { } st ? Offset(st, state) : "",
                late,
                StatusNames.Of(s.Status),
                s.Attempts == 0 ? "" : s.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteLine();
        table.Write(writer);
        var virtualTime = state.FinishedAt is { } end && state.StartedAt is { } start ? Durations.Format(TimeSpan.FromSeconds(Math.Round((end - start).TotalSeconds))) : "?";
        writer.WriteLine();
        writer.WriteLine($"Rehearsal {StatusNames.Of(state.Status)}{(state.EndReason is null ? "" : $": {state.EndReason}")} — {virtualTime} of launch time in {wall.TotalSeconds:0.0}s, {state.Version} journal events.");
    }

    private static string Offset(DateTimeOffset at, RunState state) =>
        new TimeAnchor(TimeSpan.FromSeconds(Math.Round((at - state.T0).TotalSeconds))).ToString();
}
