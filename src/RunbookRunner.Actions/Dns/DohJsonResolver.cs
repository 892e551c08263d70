using System.Globalization;
using System.Net;
using System.Text.Json;

namespace RunbookRunner.Actions.Dns;

/// <summary>
/// DNS over HTTPS in the JSON form Cloudflare and Google serve (<c>GET ?name=N&amp;type=T</c> with
/// <c>Accept: application/dns-json</c>; answers in <c>Answer[].data</c>, <c>Status</c> 0 = NOERROR, 3 = NXDOMAIN).
/// </summary>
internal static class DohJsonResolver
{
    private static readonly Dictionary<string, int> TypeCodes = new(StringComparer.Ordinal) { ["A"] = 1, ["CNAME"] = 5, ["TXT"] = 16, ["AAAA"] = 28 };

    public static async Task<DnsAnswer> ResolveAsync(HttpClient client, Uri endpoint, DnsQuery query, CancellationToken cancellationToken)
    {
        var separator = string.IsNullOrEmpty(endpoint.Query) ? "?" : "&";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{endpoint}{separator}name={Uri.EscapeDataString(query.Name)}&type={query.Type}");
        request.Headers.Accept.ParseAdd("application/dns-json");
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new DnsAnswer([], $"resolver answered HTTP {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Read(json.RootElement, query.Type);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A resolver hiccup is one more poll, not a failed step: the step timeout ends the wait.
            return new DnsAnswer([], $"resolver unreachable ({ex.Message})");
        }
    }

    private static DnsAnswer Read(JsonElement root, string type)
    {
        var status = root.TryGetProperty("Status", out var s) && s.TryGetInt32(out var code) ? code : -1;
        if (status != 0)
        {
            return new DnsAnswer([], status == 3 ? "does not exist (NXDOMAIN)" : $"resolver status {status.ToString(CultureInfo.InvariantCulture)}");
        }

        var values = new List<string>();
        if (root.TryGetProperty("Answer", out var answers) && answers.ValueKind == JsonValueKind.Array)
        {
            // Answers also carry the CNAME chain that led to the addresses; keep only the type asked for.
            foreach (var answer in answers.EnumerateArray())
            {
                if (answer.TryGetProperty("type", out var t) && t.TryGetInt32(out var typeCode) && typeCode == TypeCodes[type]
                    && answer.TryGetProperty("data", out var data) && data.GetString() is { } text)
                {
                    values.Add(DnsValues.Canonical(type, text));
                }
            }
        }

        return new DnsAnswer([.. values.Distinct().Order(StringComparer.Ordinal)]);
    }

    public static bool Supports(string type) => TypeCodes.ContainsKey(type);
}
