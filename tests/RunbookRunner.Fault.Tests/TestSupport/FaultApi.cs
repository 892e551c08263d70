using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Events;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>A small client of the REST API of one node (or of whichever node is up: the base URL can change).</summary>
internal sealed class FaultApi : IDisposable
{
    private readonly HttpClient _http;

    public FaultApi(string url, string token)
    {
        _http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Add(ApiHeaders.Source, "api");
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Starts a run of inline YAML now, with an idempotency key so a retried request creates one run.</summary>
    public async Task<RunDto> StartAsync(string yaml, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs")
        {
            Content = JsonContent.Create(new StartRunRequest { Yaml = yaml, T0 = "now" }, options: ApiJson.Options),
        };
        request.Headers.Add(ApiHeaders.IdempotencyKey, requestId);
        using var response = await _http.SendAsync(request);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!;
    }

    /// <summary>Posts a run start and returns the raw response (for refusal tests).</summary>
    public Task<HttpResponseMessage> PostStartAsync(string yaml) =>
        _http.PostAsJsonAsync("api/runs", new StartRunRequest { Yaml = yaml, T0 = "now" }, ApiJson.Options);

    public async Task<RunDto> GetRunAsync(string runId)
    {
        using var response = await _http.GetAsync(new Uri($"api/runs/{runId}", UriKind.Relative));
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!;
    }

    /// <summary>The whole journal of a run, in sequence order.</summary>
    public async Task<IReadOnlyList<EventDto>> GetEventsAsync(string runId)
    {
        var all = new List<EventDto>();
        long after = 0;
        while (true)
        {
            using var response = await _http.GetAsync(new Uri($"api/runs/{runId}/events?after={after}&limit=1000", UriKind.Relative));
            await EnsureAsync(response);
            var page = (await response.Content.ReadFromJsonAsync<EventListDto>(ApiJson.Options))!;
            all.AddRange(page.Items);
            if (!page.More || page.Items.Count == 0)
            {
                return all;
            }

            after = page.Items[^1].Sequence;
        }
    }

    /// <summary><c>POST /api/runs/{id}/steps/{step}/{action}</c> (done, retry, skip, approve...).</summary>
    public async Task<HttpStatusCode> StepAsync(string runId, string stepId, string action)
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri($"api/runs/{runId}/steps/{stepId}/{action}", UriKind.Relative),
            new StepActionRequest { Reason = "fault suite operator" },
            ApiJson.Options);
        return response.StatusCode;
    }

    public async Task<HttpResponseMessage> GetAsync(string path) => await _http.GetAsync(new Uri(path, UriKind.Relative));

    public void Dispose() => _http.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}", null, response.StatusCode);
    }

    /// <summary>Reads a problem+json body.</summary>
    public static async Task<ProblemDto?> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<ProblemDto>(ApiJson.Options);
}
