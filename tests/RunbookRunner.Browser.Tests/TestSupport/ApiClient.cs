using System.Net.Http.Headers;
using System.Net.Http.Json;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Browser.Tests.TestSupport;

/// <summary>The REST API with a bearer token, to set up runs and check what the browser did.</summary>
internal sealed class ApiClient(string baseUrl, string token) : IDisposable
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri(baseUrl + "/"),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>Starts a rehearsal of the browser demo, failing the steps named in <paramref name="fail"/> (<c>deploy</c> or <c>deploy:1</c>).</summary>
    public async Task<RunDto> StartRehearsalAsync(params string[] fail)
    {
        using var response = await _http.PostAsJsonAsync(
            "api/runs",
            new StartRunRequest { Runbook = BrowserRunbooks.Name, Env = "staging", Rehearsal = new RehearsalRequest { Fail = fail } },
            ApiJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!;
    }

    /// <summary>Starts a rehearsal of <paramref name="runbook"/>, a runbook without environments.</summary>
    public async Task<RunDto> StartRehearsalOfAsync(string runbook)
    {
        using var response = await _http.PostAsJsonAsync(
            "api/runs", new StartRunRequest { Runbook = runbook, Rehearsal = new RehearsalRequest() }, ApiJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!;
    }

    /// <summary>Approves a step (this client's token must be an eligible approver).</summary>
    public async Task ApproveAsync(string runId, string stepId)
    {
        using var response = await _http.PostAsync($"api/runs/{runId}/steps/{stepId}/approve", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>One page of the runs list, as the API pages it.</summary>
    public async Task<RunListDto> ListAsync(string query) =>
        (await _http.GetFromJsonAsync<RunListDto>("api/runs?" + query, ApiJson.Options))!;

    /// <summary>Aborts a run (this client's token must be an operator's).</summary>
    public async Task AbortAsync(string runId, string reason)
    {
        using var response = await _http.PostAsJsonAsync($"api/runs/{runId}/abort", new StepActionRequest { Reason = reason }, ApiJson.Options);
        response.EnsureSuccessStatusCode();
    }

    public async Task<RunDto> GetAsync(string runId) =>
        (await _http.GetFromJsonAsync<RunDto>($"api/runs/{runId}", ApiJson.Options))!;

    /// <summary>Waits (bounded) until the run reaches <paramref name="state"/>.</summary>
    public Task<RunDto> WaitForStateAsync(string runId, string state, TimeSpan timeout) =>
        WaitAsync(runId, r => r.State == state, $"state {state}", timeout);

    /// <summary>Waits (bounded) until step <paramref name="stepId"/> reaches <paramref name="state"/>.</summary>
    public Task<RunDto> WaitForStepAsync(string runId, string stepId, string state, TimeSpan timeout) =>
        WaitAsync(runId, r => r.Steps.Any(s => s.Id == stepId && s.State == state), $"step {stepId} {state}", timeout);

    private async Task<RunDto> WaitAsync(string runId, Func<RunDto, bool> done, string what, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var run = await GetAsync(runId);
            if (done(run))
            {
                return run;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var steps = string.Join(", ", run.Steps.Select(s => $"{s.Id}={s.State}{(s.Error is { } e ? $" ({e})" : "")}"));
                throw new TimeoutException($"run {runId} did not reach {what} in {timeout}: it is {run.State} with {steps}; paused: {run.PauseReason}; ended: {run.EndReason}");
            }

            // Polling the API (bounded above) is how a client learns about a run; no fake clock drives a real server.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public Task<string> GetTextAsync(string path) => _http.GetStringAsync(path);

    public void Dispose() => _http.Dispose();
}
