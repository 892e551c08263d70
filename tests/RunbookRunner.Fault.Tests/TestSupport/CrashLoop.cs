using System.Diagnostics;

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

    /// <summary>A safety bound (the loop ends by kills, not by time); typically half of it on a quiet 2-core machine.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    public async Task<CrashLoopOutcome> RunAsync(FaultReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var ledger = Path.Combine(WorkDirectory, "ledger.txt");
        var yaml = FaultRunbooks.Ledger("crash-loop", ledger, Pattern);
        var token = await RunbookCli.CreateAdminTokenAsync(Store);
        var state = new LoopState();
        var person = new Operator(ledger);
        var startups = new List<TimeSpan>();
        var journals = new JournalCheck();
        var problems = new List<string>();
        var kills = 0;
        var killsBeforeReady = 0;
        var nextRequest = 0;
        string lastOutput = "";
        RunVerification? verification = null;

        while (true)
        {
            if (clock.Elapsed > Budget)
            {
                throw new TimeoutException(
                    $"crash loop over budget ({Budget.TotalSeconds:0} s) after {kills} kills; unfinished runs: " +
                    $"{string.Join(", ", state.Runs.Where(r => !person.Ended.Contains(r)))}; failed steps: {string.Join("; ", person.Failures)}. " +
                    $"Last node output:\n{ServeNode.Tail(lastOutput)}");
            }

            var launched = Stopwatch.StartNew();
            await using var node = await ServeNode.StartAsync(Store, "crash-node", WorkDirectory);
            startups.Add(launched.Elapsed);
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
                            foreach (var run in state.Runs.Where(r => !person.Ended.Contains(r)).ToList())
                            {
                                problems.AddRange(journals.Check(run, await api.GetEventsAsync(run)));
                            }
                        }
                    }

                    if (ready)
                    {
                        while (killing && !killAt.IsCompleted && state.Runs.Count(r => !person.Ended.Contains(r)) + state.PendingStarts.Count < ConcurrentRuns)
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

                        await person.PassAsync(api, state.Runs);
                        finished = !killing && state.PendingStarts.Count == 0 && state.Runs.All(person.Ended.Contains);
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
                verification = await RunVerifier.VerifyAsync(api, state.Runs, ledger, journals);
                problems.AddRange(verification.Problems);
                break;
            }

            await node.KillAsync();
            kills++;
            killsBeforeReady += ready ? 0 : 1;
        }

        problems.AddRange(person.Failures);
        var outcome = new CrashLoopOutcome(kills, killsBeforeReady, state.Runs.Count, person.InterruptedSeen, person.MarkedDone, person.Retried,
            verification!.IdempotentReruns, verification.Succeeded, journals.EventsReverified, problems, clock.Elapsed);
        report.Add("seed", Seed);
        report.Add("kill -9 injections", kills);
        report.Add("kills before the restarted node was ready (during recovery)", killsBeforeReady);
        report.Add("runs (at most 20 in flight)", state.Runs.Count);
        report.Add("runs succeeded", outcome.SucceededRuns);
        report.Add("interrupted non-idempotent steps seen paused for a person", person.InterruptedSeen);
        report.Add("... marked done (their ledger line was there)", person.MarkedDone);
        report.Add("... retried (no ledger line)", person.Retried);
        report.Add("idempotent steps re-run after a crash (same idempotency key)", outcome.IdempotentReruns);
        report.Add("failed steps (should be none)", person.Failures.Count == 0 ? "none" : string.Join("; ", person.Failures));
        report.Add("serve start to 'listening', mean / max", $"{startups.Average(t => t.TotalSeconds):0.0} s / {startups.Max(t => t.TotalSeconds):0.0} s");
        report.Add("journal events re-read and found unchanged after restarts", journals.EventsReverified);
        report.Add("problems", problems.Count == 0 ? "none" : string.Join("; ", problems));
        report.Add("duration", $"{clock.Elapsed.TotalSeconds:0} s");
        return outcome;
    }

    private sealed class LoopState
    {
        public List<string> Runs { get; } = [];

        public List<string> PendingStarts { get; } = [];
    }
}
