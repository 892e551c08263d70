using System.Globalization;
using System.Text.Json;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// The end-of-scenario checks shared by every scenario: each run succeeded, its journal is whole, each non-idempotent
/// step ran exactly once, and each execution in the ledger was journaled as started on the node that ran it.
/// </summary>
internal static class RunVerifier
{
    public static async Task<RunVerification> VerifyAsync(FaultApi api, IReadOnlyCollection<string> runs, string ledger, JournalCheck journals)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(journals);
        var problems = new List<string>();
        var lines = LedgerLine.ReadAll(ledger);
        int succeeded = 0, idempotentReruns = 0, events = 0;
        var executionsByNode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var runId in runs)
        {
            var run = await api.GetRunAsync(runId);
            if (run.State == RunStates.Succeeded)
            {
                succeeded++;
            }
            else
            {
                problems.Add($"{runId} ended {run.State} ({run.EndReason ?? run.PauseReason})");
            }

            var journal = await api.GetEventsAsync(runId);
            events += journal.Count;
            problems.AddRange(journals.Check(runId, journal));
            var started = journal.Where(e => e.Type == "StepStarted")
                .Select(e => (Step: e.Data.GetProperty("stepId").GetString()!, Attempt: e.Data.GetProperty("attempt").GetInt32(), Node: NodeOf(e.Data)))
                .ToList();
            foreach (var step in run.Steps.Where(s => s.Kind == "action"))
            {
                var mine = lines.Where(l => l.RunId == runId && l.StepId == step.Id).ToList();
                foreach (var line in mine)
                {
                    executionsByNode[line.Node] = executionsByNode.GetValueOrDefault(line.Node) + 1;
                    if (!started.Contains((line.StepId, line.Attempt, line.Node)))
                    {
                        problems.Add($"{runId}/{line.StepId} attempt {line.Attempt} ran on {line.Node}, but the journal never started it there");
                    }
                }

                if (FaultRunbooks.IsNonIdempotent(step.Id))
                {
                    if (mine.Count != 1)
                    {
                        problems.Add($"{runId}/{step.Id} (not idempotent) ran {mine.Count} times: " +
                            string.Join(", ", mine.Select(l => string.Create(CultureInfo.InvariantCulture, $"attempt {l.Attempt} on {l.Node}"))));
                    }

                    var starts = started.Where(s => s.Step == step.Id).GroupBy(s => s.Attempt).Where(g => g.Count() > 1).ToList();
                    problems.AddRange(starts.Select(g => $"{runId}/{step.Id} attempt {g.Key} (not idempotent) was started {g.Count()} times"));
                }
                else if (mine.Count == 0)
                {
                    problems.Add($"{runId}/{step.Id} (idempotent) succeeded without ever running");
                }
                else
                {
                    idempotentReruns += mine.Count - 1;
                }
            }
        }

        return new RunVerification(succeeded, idempotentReruns, events, executionsByNode, problems);
    }

    private static string NodeOf(JsonElement data) =>
        data.TryGetProperty("node", out var node) && node.ValueKind == JsonValueKind.String ? node.GetString()! : "";
}
