using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RunbookRunner.Contracts;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Contracts.Runs;

namespace RunbookRunner.Cli.Api;

/// <summary>
/// A typed client of the RunbookRunner API, speaking the contracts' DTOs. Errors come back as
/// <see cref="ApiProblemException"/> with the server's problem details.
/// </summary>
public sealed class RunbookApiClient(HttpClient http)
{
    public async Task<RunDto> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/runs", request, ApiJson.Options, cancellationToken);
        return await ReadAsync<RunDto>(response, cancellationToken);
    }

    public async Task<RunDto> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}", cancellationToken);
        return await ReadAsync<RunDto>(response, cancellationToken);
    }

    public async Task<RunListDto> ListRunsAsync(IReadOnlyList<string> states, string? runbook, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { "limit=" + limit.ToString(CultureInfo.InvariantCulture) };
        query.AddRange(states.Select(s => "state=" + Uri.EscapeDataString(s)));
        if (runbook is not null)
        {
            query.Add("runbook=" + Uri.EscapeDataString(runbook));
        }

        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        using var response = await http.GetAsync("api/runs?" + string.Join('&', query), cancellationToken);
        return await ReadAsync<RunListDto>(response, cancellationToken);
    }

    /// <summary>The launch report of a run as the server renders it (<paramref name="format"/>: md, html or json).</summary>
    public async Task<string> GetReportAsync(string runId, string format, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}/report?format={Uri.EscapeDataString(format)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiProblemException(response.StatusCode, await ReadProblemAsync(response, cancellationToken));
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a command on a run (<c>pause</c>) or a step (<c>steps/go-no-go/approve</c>) with an idempotency key,
    /// so sending it again (a retried script) applies it once.
    /// </summary>
    public async Task<RunDto> CommandAsync(string runId, string command, StepActionRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"api/runs/{Uri.EscapeDataString(runId)}/{command}")
        {
            Content = JsonContent.Create(request, options: ApiJson.Options),
        };
        message.Headers.Add(ApiHeaders.IdempotencyKey, idempotencyKey);
        using var response = await http.SendAsync(message, cancellationToken);
        return await ReadAsync<RunDto>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken)
                ?? throw new ApiProblemException(response.StatusCode, new ProblemDto { Title = "Empty answer", Detail = "the server sent no body" });
        }

        throw new ApiProblemException(response.StatusCode, await ReadProblemAsync(response, cancellationToken));
    }

    private static async Task<ProblemDto> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (text.Length > 0 && JsonSerializer.Deserialize<ProblemDto>(text, ApiJson.Options) is { } problem && (problem.Title ?? problem.Detail) is not null)
            {
                return problem;
            }
        }
        catch (JsonException)
        {
            // Not ours (a proxy's error page): show what came back instead.
        }

        return new ProblemDto
        {
            Status = (int)response.StatusCode,
            Title = response.ReasonPhrase ?? response.StatusCode.ToString(),
            Detail = text.Length == 0 ? $"HTTP {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}" : text[..Math.Min(text.Length, 500)],
            Code = response.StatusCode == HttpStatusCode.Unauthorized ? ProblemCodes.Unauthenticated : null,
        };
    }
}
