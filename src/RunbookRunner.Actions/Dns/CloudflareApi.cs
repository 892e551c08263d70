using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Http;

namespace RunbookRunner.Actions.Dns;

/// <summary>
/// The few Cloudflare API v4 calls <c>dns.cloudflare</c> needs, authenticated with an API token
/// (<c>Authorization: Bearer</c>). Every response is the envelope <c>{success, errors[{code,message}], messages, result}</c>.
/// Endpoints, as documented by Cloudflare:
/// <list type="bullet">
/// <item>List zones, <c>GET /zones?name=example.com</c> (https://developers.cloudflare.com/api/resources/zones/methods/list)</item>
/// <item>Zone details, <c>GET /zones/{zone_id}</c> (https://developers.cloudflare.com/api/resources/zones/methods/get)</item>
/// <item>List DNS records, <c>GET /zones/{zone_id}/dns_records?type=A&amp;name.exact=www.example.com</c>
/// (https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/list)</item>
/// <item>Create DNS record, <c>POST /zones/{zone_id}/dns_records</c> with <c>{type, name, content, ttl, proxied}</c>; ttl 1 means automatic
/// (https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/create)</item>
/// <item>Edit DNS record, <c>PATCH /zones/{zone_id}/dns_records/{dns_record_id}</c> with the changed fields
/// (https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/edit)</item>
/// </list>
/// </summary>
public sealed class CloudflareApi
{
    private readonly IHttpClientFactory _clients;
    private readonly ActionsOptions _options;

    public CloudflareApi(IHttpClientFactory clients, IOptions<ActionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value;
    }

    /// <summary>The id of the zone named <paramref name="zoneName"/>, or null when the token sees no such zone.</summary>
    public async Task<string?> FindZoneIdAsync(string token, string zoneName, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(token, HttpMethod.Get, "zones?name=" + Uri.EscapeDataString(zoneName), null, cancellationToken).ConfigureAwait(false);
        return result is JsonArray zones && zones.Count > 0 ? zones[0]?["id"]?.GetValue<string>() : null;
    }

    /// <summary>The name of the zone with id <paramref name="zoneId"/>.</summary>
    public async Task<string> GetZoneNameAsync(string token, string zoneId, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(token, HttpMethod.Get, "zones/" + Uri.EscapeDataString(zoneId), null, cancellationToken).ConfigureAwait(false);
        return result?["name"]?.GetValue<string>() ?? throw new CloudflareApiException($"zone {zoneId} has no name in the API response", 200, false);
    }

    public async Task<IReadOnlyList<CloudflareDnsRecord>> ListRecordsAsync(string token, string zoneId, string type, string name, CancellationToken cancellationToken = default)
    {
        var path = $"zones/{Uri.EscapeDataString(zoneId)}/dns_records?type={Uri.EscapeDataString(type)}&name.exact={Uri.EscapeDataString(name)}";
        var result = await SendAsync(token, HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return result is JsonArray records ? records.Select(r => ToRecord(r!)).ToList() : [];
    }

    public async Task<CloudflareDnsRecord> CreateRecordAsync(string token, string zoneId, JsonObject body, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(token, HttpMethod.Post, $"zones/{Uri.EscapeDataString(zoneId)}/dns_records", body, cancellationToken).ConfigureAwait(false);
        return ToRecord(result ?? throw new CloudflareApiException("create DNS record returned no result", 200, true));
    }

    public async Task<CloudflareDnsRecord> PatchRecordAsync(string token, string zoneId, string recordId, JsonObject body, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(token, HttpMethod.Patch, $"zones/{Uri.EscapeDataString(zoneId)}/dns_records/{Uri.EscapeDataString(recordId)}", body, cancellationToken).ConfigureAwait(false);
        return ToRecord(result ?? throw new CloudflareApiException("edit DNS record returned no result", 200, true));
    }

    private async Task<JsonNode?> SendAsync(string token, HttpMethod method, string relative, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_options.CloudflareApiBaseUrl, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var client = _clients.CreateClient(HttpClientNames.Cloudflare);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var retryable = status >= 500 || status == 429;
        JsonNode? envelope;
        try
        {
            envelope = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new CloudflareApiException($"Cloudflare API {method} {relative} answered {status} without a JSON envelope", status, retryable);
        }

        var success = envelope?["success"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        if (!response.IsSuccessStatusCode || !success)
        {
            var errors = envelope?["errors"] is JsonArray list && list.Count > 0
                ? string.Join("; ", list.Select(e => $"{e?["code"]?.ToJsonString() ?? "?"} {e?["message"]?.GetValue<string>()}"))
                : "no error details";
            throw new CloudflareApiException($"Cloudflare API {method} {relative.Split('?')[0]} failed ({status}): {errors}", status, retryable);
        }

        return envelope?["result"];
    }

    private static CloudflareDnsRecord ToRecord(JsonNode node) => new(
        node["id"]?.GetValue<string>() ?? string.Empty,
        node["type"]?.GetValue<string>() ?? string.Empty,
        node["name"]?.GetValue<string>() ?? string.Empty,
        node["content"]?.GetValue<string>() ?? string.Empty,
        node["ttl"] is JsonValue ttl ? (int)ttl.GetValue<double>() : 1,
        node["proxied"] is JsonValue p && p.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? p.GetValue<bool>() : null);

    internal static string Format(int ttl) => ttl == 1 ? "auto" : ttl.ToString(CultureInfo.InvariantCulture);
}
