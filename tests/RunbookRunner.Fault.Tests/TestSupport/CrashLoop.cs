using System.Diagnostics;
using System.Globalization;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// The kill -9 scenario on one store: a <c>runbook serve</c> node keeps <see cref="ConcurrentRuns"/> runs of a ledger
/// runbook in flight and is killed (whole process tree) at seeded random moments, then restarted with the same node
/// id, <see cref="Kills"/> times. Between kills an operator loop answers interrupted steps the way a person would:
/// the step's line is in the ledger, so it ran: mark it done; it is not, so it did not: retry it. Afterwards the
/// node runs until every run has ended and everything is checked.
/// </summary>
internal sealed class CrashLoop
{
    public required string Store { get; init; }

    public required string WorkDirectory { get; init; }

    public required int Seed { get; init; }

    public int Kills { get; init; } = 26;

    public int ConcurrentRuns { get; init; } = 20;

    /// <summary>Steps of the runbook (see <see cref="FaultRunbooks.Ledger"/>).</summary>
    public string Pattern { get; init; } = "nwinwnin";

    /// <summary>Up time of the node before a kill, counted from "listening on" (so some kills land during recovery).</summary>
    public (int MinMs, int MaxMs) Window { get; init; } = (300, 2500);

    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(3);

    public async Task<CrashLoopOutcome> RunAsync(FaultReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var ledger = Path.Combine(WorkDirectory, "ledger.txt");
        var yaml = FaultRunbooks.Ledger("crash-loop", ledger, Pattern);
        var token = await RunbookCli.CreateAdminTokenAsync(Store);
        var state = new LoopState();
        var journals = new JournalCheck();
        var problems = new List<string>();
        var kills = 0;
        var killsBeforeReady = 0;
        var nextRequest = 0;
        string lastOutput = "";

        while (true)
        {
            if (clock.Elapsed > Budget)
            {
                throw new TimeoutException(
                    $"crash loop over budget ({Budget.TotalSeconds:0} s) after {kills} kills; unfinished runs: " +
                    $"{string.Join(", ", state.Runs.Except(state.Ended))}. Last node output:\n{ServeNode.Tail(lastOutput)}");
            }

            await using var node = await ServeNode.StartAsync(Store, "crash-node", WorkDirectory);
            using var api = new FaultApi(node.Url, token);
            var killing = kills < Kills;
            var window = killing ? TimeSpan.FromMilliseconds(random.Next(Window.MinMs, Window.MaxMs)) : Budget - clock.Elapsed;
            var killAt = Task.Delay(window < TimeSpan.Zero ? TimeSpan.Zero : window);
            var ready = false;
            var finished = false;
            while (!killAt.IsCompleted && !finished)
            {
                try
                {
                    if (!ready)
                    {
                        using var readyz = await api.GetAsync("readyz");
                        ready = readyz.IsSuccessStatusCode;
                        if (ready)
                        {
                            // Right after a restart: everything committed before the kill must still be there.
                            foreach (var run in state.Runs.Except(state.Ended).ToList())
                            {
                                problems.AddRange(journals.Check(run, await api.GetEventsAsync(run)));
                            }
                        }
                    }

                    if (ready)
                    {
                        while (killing && !killAt.IsCompleted && state.Active + state.PendingStarts.Count < ConcurrentRuns)
                        {
                            state.PendingStarts.Add($"crash-{Seed}-{nextRequest++}");
                        }

                        foreach (var request in state.PendingStarts.ToList())
                        {
                            // A lost answer is retried with the same key: the server returns the run it created.
                            var run = await api.StartAsync(yaml, request);
                            state.PendingStarts.Remove(request);
                            state.Runs.Add(run.Id);
                        }

                        await OperateAsync(api, ledger, state);
                        finished = !killing && state.PendingStarts.Count == 0 && state.Active == 0;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The node is starting or about to be killed.
                }

                if (!finished)
                {
                    await Task.WhenAny(killAt, Task.Delay(150));
                }
            }

            lastOutput = node.Output;
            if (finished)
            {
                await VerifyAsync(api, ledger, state, journals, problems);
                break;
            }

            await node.KillAsync();
            kills++;
            killsBeforeReady += ready ? 0 : 1;
        }

        var outcome = new CrashLoopOutcome(kills, killsBeforeReady, state.Runs.Count, state.InterruptedSeen, state.MarkedDone, state.Retried,
            state.IdempotentReruns, state.SucceededRuns, journals.EventsReverified, problems, clock.Elapsed);
        report.Add("seed", Seed);
        report.Add("kill -9 injections", kills);
        report.Add("kills before the restarted node was ready (during recovery)", killsBeforeReady);
        report.Add("runs (at most 20 in flight)", state.Runs.Count);
        report.Add("runs succeeded", state.SucceededRuns);
        report.Add("interrupted non-idempotent steps seen paused for a person", state.InterruptedSeen);
        report.Add("... marked done (their ledger line was there)", state.MarkedDone);
        report.Add("... retried (no ledger line)", state.Retried);
        report.Add("idempotent steps re-run after a crash (same idempotency key)", state.IdempotentReruns);
        report.Add("journal events re-read and found unchanged after restarts", journals.EventsReverified);
        report.Add("problems", problems.Count == 0 ? "none" : string.Join("; ", problems));
        report.Add("duration", $"{clock.Elapsed.TotalSeconds:0} s");
        return outcome;
    }

    /// <summary>One pass of the operator: ended runs are noted, interrupted steps are answered.</summary>
    private static async Task OperateAsync(FaultApi api, string ledger, LoopState state)
    {
        foreach (var runId in state.Runs.Except(state.Ended).ToList())
        {
            var run = await api.GetRunAsync(runId);
            if (run.State is RunStates.Succeeded or RunStates.Failed or RunStates.Aborted or RunStates.RolledBack)
            {
                state.Ended.Add(runId);
                continue;
            }

            if (run.Steps.FirstOrDefault(s => s.State == StepStates.Interrupted) is not { } step)
            {
                continue;
            }

            var key = $"{runId}/{step.Id}/{step.Attempts}";
            if (run.State == RunStates.Paused && state.InterruptedKeys.Add(key))
            {
                state.InterruptedSeen++;
            }

            var ran = LedgerLine.ReadAll(ledger).Any(l => l.RunId == runId && l.StepId == step.Id && l.Attempt == step.Attempts);
            var status = await api.StepAsync(runId, step.Id, ran ? "done" : "retry");
            if ((int)status is >= 200 and < 300)
            {
                if (ran)
                {
                    state.MarkedDone++;
                }
                else
                {
                    state.Retried++;
                }
            }
        }
    }

    private static async Task VerifyAsync(FaultApi api, string ledger, LoopState state, JournalCheck journals, List<string> problems)
    {
        var lines = LedgerLine.ReadAll(ledger);
        foreach (var runId in state.Runs)
        {
            var run = await api.GetRunAsync(runId);
            if (run.State == RunStates.Succeeded)
            {
                state.SucceededRuns++;
            }
            else
            {
                problems.Add($"{runId} ended {run.State} ({run.EndReason ?? run.PauseReason})");
            }

            problems.AddRange(journals.Check(runId, await api.GetEventsAsync(runId)));
            foreach (var step in run.Steps.Where(s => s.Kind == "action"))
            {
                var mine = lines.Where(l => l.RunId == runId && l.StepId == step.Id).ToList();
                if (FaultRunbooks.IsNonIdempotent(step.Id))
                {
                    if (mine.Count != 1)
                    {
                        problems.Add($"{runId}/{step.Id} (not idempotent) ran {mine.Count} times: " +
                            string.Join(", ", mine.Select(l => string.Create(CultureInfo.InvariantCulture, $"attempt {l.Attempt} on {l.Node}"))));
                    }
                }
                else if (mine.Count == 0)
                {
                    problems.Add($"{runId}/{step.Id} (idempotent) succeeded without ever running");
                }
                else
                {
                    state.IdempotentReruns += mine.Count - 1;
                }
            }
        }
    }

    private sealed class LoopState
    {
        public List<string> Runs { get; } = [];

        public HashSet<string> Ended { get; } = new(StringComparer.Ordinal);

        public List<string> PendingStarts { get; } = [];

        public HashSet<string> InterruptedKeys { get; } = new(StringComparer.Ordinal);

        public int Active => Runs.Count - Ended.Count;

        public int InterruptedSeen { get; set; }

        public int MarkedDone { get; set; }

        public int Retried { get; set; }

        public int IdempotentReruns { get; set; }

        public int SucceededRuns { get; set; }
    }
}
