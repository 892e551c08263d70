using System.Net;
using System.Net.Http.Json;
using System.Text;
using FluentAssertions;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>Small typed helpers over the HTTP API, and bounded waits on a run's state.</summary>
internal static class RunApi
{
    public static async Task<RunDto> StartAsync(HttpClient client, StartRunRequest request)
    {
        using var response = await client.PostAsJsonAsync("api/runs", request, ApiJson.Options);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!;
    }

    public static async Task<RunDto> GetRunAsync(HttpClient client, string runId)
    {
        using var response = await client.GetAsync($"api/runs/{runId}");
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options))!;
    }

    /// <summary>POSTs a command (<c>pause</c>, <c>steps/go/approve</c>) and returns the status and body.</summary>
    public static async Task<(HttpStatusCode Status, RunDto? Run, ProblemDto? Problem)> CommandAsync(
        HttpClient client, string runId, string command, string? idempotencyKey = null, StepActionRequest? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/runs/{runId}/{command}");
        if (idempotencyKey is not null)
        {
            request.Headers.Add(ApiHeaders.IdempotencyKey, idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiJson.Options);
        }

        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<RunDto>(ApiJson.Options), null)
            : (response.StatusCode, null, await ReadProblemAsync(response));
    }

    public static async Task<ProblemDto> ReadProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", "errors are problem details");
        return (await response.Content.ReadFromJsonAsync<ProblemDto>(ApiJson.Options))!;
    }

    /// <summary>Polls the run until <paramref name="condition"/> holds; fails with the last state after <paramref name="timeout"/>.</summary>
    public static async Task<RunDto> WaitForAsync(HttpClient client, string runId, Func<RunDto, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        RunDto run;
        while (true)
        {
            run = await GetRunAsync(client, runId);
            if (condition(run))
            {
                return run;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var steps = string.Join(", ", run.Steps.Select(s => $"{s.Id}={s.State}"));
                throw new TimeoutException($"run {runId} never reached '{what}': it is {run.State} ({steps}) pause={run.PauseReason}");
            }

            await Task.Delay(100);
        }
    }

    public static RunStepDto Step(this RunDto run, string id) => run.Steps.Single(s => s.Id == id);

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(status, "the body was {0}", body);
        }
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
