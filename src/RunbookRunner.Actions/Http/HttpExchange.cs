using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunbookRunner.Actions.Http;

/// <summary>One request and its response, with the body read up to a limit and the elapsed time.</summary>
internal sealed record HttpExchange(int Status, string ReasonPhrase, string Body, bool BodyTruncated, TimeSpan Elapsed)
{
    /// <summary>Bodies larger than this are cut: enough for any health or API document, bounded for memory.</summary>
    public const int MaxParsedBodyChars = 4 * 1024 * 1024;

    public static async Task<HttpExchange> SendAsync(HttpClient client, HttpRequestMessage request, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var started = time.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var (body, truncated) = await ReadBodyAsync(response.Content, MaxParsedBodyChars, cancellationToken).ConfigureAwait(false);
        return new HttpExchange((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, body, truncated, time.GetElapsedTime(started))
        {
            Headers = ReadHeaders(response),
        };
    }

    /// <summary>Response and content headers as received (names case-insensitive), each with its values in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    public long ElapsedMs => (long)Elapsed.TotalMilliseconds;

    /// <summary>The body parsed as JSON; null with <paramref name="error"/> set when it is not JSON.</summary>
    public JsonNode? ParseJson(out string? error)
    {
        error = null;
        if (BodyTruncated)
        {
            error = $"the body is larger than {MaxParsedBodyChars} characters";
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException ex)
        {
            error = "the body is not JSON: " + ex.Message;
            return null;
        }
    }

    /// <summary>The body cut to <paramref name="maxChars"/> for outputs.</summary>
    public string BodyForOutput(int maxChars) => Body.Length <= maxChars ? Body : Body[..maxChars];

    /// <summary>The first line of the body, short, for failure messages.</summary>
    public string BodySnippet()
    {
        var line = Body.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..197] + "...";
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadHeaders(HttpResponseMessage response)
    {
        // NonValidated: the raw values the server sent, not re-formatted by the typed header parsers.
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            IReadOnlyList<string> all = headers.TryGetValue(name, out var earlier) ? [.. earlier, .. values] : [.. values];
            headers[name] = all;
        }

        return headers;
    }

    private static async Task<(string Body, bool Truncated)> ReadBodyAsync(HttpContent content, int maxChars, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[8192];
            var sb = new StringBuilder();
            while (true)
            {
                var read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (sb.ToString(), false);
                }

                if (sb.Length + read > maxChars)
                {
                    sb.Append(buffer, 0, maxChars - sb.Length);
                    return (sb.ToString(), true);
                }

                sb.Append(buffer, 0, read);
            }
        }
    }
}
