using System.Net.Http.Json;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Benchmarks.Harness;

/// <summary>The few API calls the driver makes, over a node's <see cref="HttpClient"/>.</summary>
internal static class BenchApi
{
    public static async Task<RunDto> StartAsync(HttpClient http, string yaml, string? t0 = null, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(
            new Uri("/api/runs", UriKind.Relative),
            new StartRunRequest { Yaml = yaml, FileName = "bench.yaml", T0 = t0 ?? "now" },
            ApiJson.Options,
            cancellationToken).ConfigureAwait(false);
        return await ReadAsync<RunDto>(response, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<RunDto> GetAsync(HttpClient http, string runId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri($"/api/runs/{runId}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<RunDto>(response, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<RunDto> ApproveAsync(HttpClient http, string runId, string stepId, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(new StepActionRequest(), options: ApiJson.Options);
        using var response = await http.PostAsync(new Uri($"/api/runs/{runId}/steps/{stepId}/approve", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<RunDto>(response, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<RunListDto> ListAsync(HttpClient http, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var query = $"/api/runs?limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
        using var response = await http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<RunListDto>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls the run until <paramref name="condition"/> holds; on timeout, says where the run stood.</summary>
    public static async Task<RunDto> WaitForAsync(HttpClient http, string runId, Func<RunDto, bool> condition, TimeSpan timeout, TimeSpan? poll = null, CancellationToken cancellationToken = default)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var run = await GetAsync(http, runId, cancellationToken).ConfigureAwait(false);
            if (condition(run))
            {
                return run;
            }

            if (waited.Elapsed > timeout)
            {
                var steps = string.Join(", ", run.Steps.Select(s => $"{s.Id}={s.State}"));
                throw new TimeoutException($"run {runId} still {run.State} after {timeout.TotalSeconds:0} s (T0 {run.T0:O}; {steps})");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }

        return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"empty {typeof(T).Name}");
    }
}
