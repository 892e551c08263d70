using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using FluentAssertions.Execution;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Contracts.Runs;
using Xunit.Abstractions;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>
/// A store that stops accepting writes under a running node: a run waits at a manual task, the store freezes,
/// new work (a new run, ticking the task off) must be refused with a problem+json 503 that says why, readiness
/// goes red, reads still answer; after the store thaws, the waiting run finishes with nothing lost.
/// </summary>
internal static class ReadOnlyScenario
{
    public static async Task RunAsync(string store, WorkDirectory work, Func<Task> freeze, Func<Task> thaw, string expectedWords, FaultReport report, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(freeze);
        ArgumentNullException.ThrowIfNull(thaw);
        ArgumentNullException.ThrowIfNull(report);
        var ledger = work.File("ledger.txt");
        var token = await RunbookCli.CreateAdminTokenAsync(store);
        await using var node = await ServeNode.StartAsync(store, "ro-node", work.Path);
        await node.WaitReadyAsync(TimeSpan.FromSeconds(90));
        using var api = new FaultApi(node.Url, token);
        var yaml = FaultRunbooks.Ledger("read-only", ledger, "nmn");
        var runId = (await api.StartAsync(yaml, "read-only-1")).Id;
        await Eventually.UntilAsync(
            async () => (await api.GetRunAsync(runId)).Steps.Single(s => s.Id == "m2").State == StepStates.AwaitingApproval,
            TimeSpan.FromSeconds(60),
            () => "the run did not reach its manual task");
        var journals = new JournalCheck();
        var before = await api.GetEventsAsync(runId);
        journals.Check(runId, before);

        await freeze();
        HttpResponseMessage? refusedStart = null;
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    using var readyz = await api.GetAsync("readyz");
                    return readyz.StatusCode == HttpStatusCode.ServiceUnavailable;
                },
                TimeSpan.FromSeconds(30),
                () => "readiness stayed green on a store that refuses writes");
            refusedStart = await api.PostStartAsync(yaml);
            var startProblem = await FaultApi.ProblemAsync(refusedStart);
            var refusedDone = await api.StepAsync(runId, "m2", "done");
            var duringRun = await api.GetRunAsync(runId);
            using var readyzBody = await api.GetAsync("readyz");
            var readiness = await readyzBody.Content.ReadAsStringAsync();

            report.Add("new run refused with", $"{(int)refusedStart.StatusCode} {refusedStart.Content.Headers.ContentType?.MediaType} code={startProblem?.Code}: {startProblem?.Detail}");
            report.Add("ticking off the waiting task refused with", (int)refusedDone);
            report.Add("readiness while frozen", readiness);
            report.Add("run readable while frozen", $"{duringRun.State}, m2 {duringRun.Steps.Single(s => s.Id == "m2").State}");

            using (new AssertionScope())
            {
                refusedStart.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
                refusedStart.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
                startProblem!.Code.Should().Be(ProblemCodes.StoreUnavailable);
                startProblem.Detail.Should().ContainAny(expectedWords.Split('|'));
                refusedDone.Should().Be(HttpStatusCode.ServiceUnavailable);
                duringRun.Steps.Single(s => s.Id == "m2").State.Should().Be(StepStates.AwaitingApproval);
            }
        }
        finally
        {
            refusedStart?.Dispose();
            await thaw();
        }

        await node.WaitReadyAsync(TimeSpan.FromSeconds(60));
        var runsAfter = await ListRunsAsync(api);
        (await api.StepAsync(runId, "m2", "done")).Should().Be(HttpStatusCode.OK);
        await Eventually.UntilAsync(
            async () => (await api.GetRunAsync(runId)).State == RunStates.Succeeded,
            TimeSpan.FromSeconds(60),
            () => "the run did not finish after the store thawed");
        var verification = await RunVerifier.VerifyAsync(api, [runId], ledger, journals);
        report.Add("runs in the store after thawing", runsAfter);
        report.Add("journal events committed before the freeze, found unchanged after", before.Count);
        report.Add("run after thawing", "succeeded");
        report.Add("problems", verification.Problems.Count == 0 ? "none" : string.Join("; ", verification.Problems));
        var text = report.Write(output);
        verification.Problems.Should().BeEmpty(text);
        runsAfter.Should().Be(1, "the refused start created nothing");
        work.Passed = true;
    }

    private static async Task<int> ListRunsAsync(FaultApi api)
    {
        using var response = await api.GetAsync("api/runs?limit=500");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RunListDto>(ApiJson.Options))!.Items.Count;
    }
}
