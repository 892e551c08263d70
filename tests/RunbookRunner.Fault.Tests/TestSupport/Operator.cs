using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// Plays the person in the war room: an interrupted step whose ledger line exists did run, so it is marked done;
/// one without a line did not, so it is retried. Counts what it saw and did.
/// </summary>
internal sealed class Operator(string ledger)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);

    public int InterruptedSeen { get; private set; }

    public int MarkedDone { get; private set; }

    public int Retried { get; private set; }

    /// <summary>Failed steps seen (a fault that should have been ridden out); the key and error of each.</summary>
    public List<string> Failures { get; } = [];

    public IReadOnlySet<string> Ended => _ended;

    public static bool IsEnded(string state) => state is RunStates.Succeeded or RunStates.Failed or RunStates.Aborted or RunStates.RolledBack;

    /// <summary>One pass over the runs not known to have ended.</summary>
    public async Task PassAsync(FaultApi api, IEnumerable<string> runs)
    {
        ArgumentNullException.ThrowIfNull(api);
        foreach (var runId in runs.Where(r => !_ended.Contains(r)).ToList())
        {
            var run = await api.GetRunAsync(runId);
            if (IsEnded(run.State))
            {
                _ended.Add(runId);
                continue;
            }

            if (run.Steps.FirstOrDefault(s => s.State == StepStates.Failed) is { } failed && _seen.Add($"failed:{runId}/{failed.Id}/{failed.Attempts}"))
            {
                Failures.Add($"{runId}/{failed.Id} attempt {failed.Attempts}: {failed.Error}");
            }

            if (run.Steps.FirstOrDefault(s => s.State == StepStates.Interrupted) is not { } step)
            {
                continue;
            }

            if (run.State == RunStates.Paused && _seen.Add($"{runId}/{step.Id}/{step.Attempts}"))
            {
                InterruptedSeen++;
            }

            var ran = LedgerLine.ReadAll(ledger).Any(l => l.RunId == runId && l.StepId == step.Id && l.Attempt == step.Attempts);
            var status = await api.StepAsync(runId, step.Id, ran ? "done" : "retry");
            if ((int)status is >= 200 and < 300)
            {
                if (ran)
                {
                    MarkedDone++;
                }
                else
                {
                    Retried++;
                }
            }
        }
    }
}
