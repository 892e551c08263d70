using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Dns;

/// <summary>
/// <c>dns.cloudflare</c>: sets a record's content through the Cloudflare API, updating it when it exists and
/// creating it when not; running it twice changes nothing the second time. Outputs: <c>record_id</c>,
/// <c>zone_id</c>, <c>action</c> (created/updated/unchanged) and <c>previous_content</c>, <c>previous_ttl</c>,
/// <c>previous_proxied</c> so an <c>undo</c> can restore the old value.
/// </summary>
public sealed partial class CloudflareDnsAction : StepAction
{
    private static readonly HashSet<string> ProxiableTypes = new(StringComparer.Ordinal) { "A", "AAAA", "CNAME" };

    private readonly CloudflareApi _api;
    private readonly ActionsOptions _options;

    public CloudflareDnsAction(CloudflareApi api, IOptions<ActionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _options = options.Value;
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("dns.cloudflare");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var spec = Read(parameters, _options.CloudflareApiToken);
        try
        {
            string zoneId;
            string zoneName;
            if (ZoneIdPattern().IsMatch(spec.Zone))
            {
                zoneId = spec.Zone;
                zoneName = await _api.GetZoneNameAsync(spec.Token, zoneId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                zoneName = spec.Zone.TrimEnd('.');
                zoneId = await _api.FindZoneIdAsync(spec.Token, zoneName, cancellationToken).ConfigureAwait(false)
                    ?? throw new CloudflareApiException($"zone '{zoneName}' was not found, or the token cannot see it", 404, false);
            }

            var name = FullName(spec.Record, zoneName);
            var existing = await _api.ListRecordsAsync(spec.Token, zoneId, spec.Type, name, cancellationToken).ConfigureAwait(false);
            if (existing.Count > 1)
            {
                return ActionResult.Failure(
                    $"{existing.Count} {spec.Type} records named {name} exist ({string.Join(", ", existing.Select(r => r.Content))}); dns.cloudflare manages exactly one, remove the extras first",
                    retryable: false);
            }

            var outputs = new Dictionary<string, string> { ["zone_id"] = zoneId };
            CloudflareDnsRecord result;
            if (existing.Count == 1)
            {
                var current = existing[0];
                outputs["previous_content"] = current.Content;
                outputs["previous_ttl"] = current.Ttl.ToString(CultureInfo.InvariantCulture);
                outputs["previous_proxied"] = current.Proxied is true ? "true" : "false";
                var body = new JsonObject();
                if (current.Content != spec.Content)
                {
                    body["content"] = spec.Content;
                }

                if (spec.Ttl is { } ttl && ttl != current.Ttl)
                {
                    body["ttl"] = ttl;
                }

                if (spec.Proxied is { } proxied && proxied != (current.Proxied ?? false))
                {
                    body["proxied"] = proxied;
                }

                if (body.Count == 0)
                {
                    context.Log.Write($"{spec.Type} {name} already points to {current.Content}; nothing to change");
                    outputs["record_id"] = current.Id;
                    outputs["action"] = "unchanged";
                    return ActionResult.Success($"{spec.Type} {name} already {current.Content}", outputs);
                }

                context.Log.Write($"updating {spec.Type} {name}: {current.Content} -> {spec.Content}");
                result = await _api.PatchRecordAsync(spec.Token, zoneId, current.Id, body, cancellationToken).ConfigureAwait(false);
                outputs["action"] = "updated";
            }
            else
            {
                outputs["previous_content"] = string.Empty;
                outputs["previous_ttl"] = string.Empty;
                outputs["previous_proxied"] = string.Empty;
                var body = new JsonObject
                {
                    ["type"] = spec.Type,
                    ["name"] = name,
                    ["content"] = spec.Content,
                    ["ttl"] = spec.Ttl ?? 1,
                };
                if (ProxiableTypes.Contains(spec.Type))
                {
                    body["proxied"] = spec.Proxied ?? false;
                }

                context.Log.Write($"creating {spec.Type} {name} -> {spec.Content}");
                result = await _api.CreateRecordAsync(spec.Token, zoneId, body, cancellationToken).ConfigureAwait(false);
                outputs["action"] = "created";
            }

            outputs["record_id"] = result.Id;
            context.Log.Write($"{spec.Type} {name} is now {result.Content} (ttl {CloudflareApi.Format(result.Ttl)}, record {result.Id})");
            return ActionResult.Success($"{spec.Type} {name} -> {result.Content} ({outputs["action"]})", outputs);
        }
        catch (CloudflareApiException ex)
        {
            context.Log.Write("error: " + ex.Message);
            return ActionResult.Failure(ex.Message, ex.Retryable);
        }
        catch (HttpRequestException ex)
        {
            return ActionResult.Failure($"Cloudflare API unreachable: {ex.Message}", retryable: true);
        }
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var spec = Read(parameters, _options.CloudflareApiToken);
        var name = ZoneIdPattern().IsMatch(spec.Zone) ? spec.Record : FullName(spec.Record, spec.Zone.TrimEnd('.'));
        LogSimulated(context, $"would set {spec.Type} {name} -> {spec.Content} in zone {spec.Zone} through {_options.CloudflareApiBaseUrl} (update if it exists, create if not)");
        return Task.FromResult(ActionResult.Success(
            $"simulated: {spec.Type} {name} -> {spec.Content}",
            new Dictionary<string, string>
            {
                ["record_id"] = "simulated",
                ["zone_id"] = "simulated",
                ["action"] = "updated",
                ["previous_content"] = string.Empty,
                ["previous_ttl"] = string.Empty,
                ["previous_proxied"] = string.Empty,
            }));
    }

    /// <summary><c>www</c> + <c>example.com</c> → <c>www.example.com</c>; <c>@</c> is the apex; names already in the zone are kept.</summary>
    internal static string FullName(string record, string zoneName)
    {
        var r = record.Trim().TrimEnd('.');
        if (r is "@" or "" || r.Equals(zoneName, StringComparison.OrdinalIgnoreCase))
        {
            return zoneName;
        }

        return r.EndsWith("." + zoneName, StringComparison.OrdinalIgnoreCase) ? r : $"{r}.{zoneName}";
    }

    private static RecordSpec Read(ParameterReader p, string? defaultToken)
    {
        var token = p.OptionalString("token") is { Length: > 0 } t ? t : defaultToken
            ?? throw new ActionParameterException("missing parameter 'token' (a Cloudflare API token; use ${secrets.NAME}) and no Cloudflare:ApiToken is configured");
        var type = p.OptionalString("type", "A").Trim().ToUpperInvariant();
        return new RecordSpec(
            p.RequiredString("zone").Trim(),
            p.RequiredString("record"),
            type,
            p.RequiredString("content").Trim(),
            (int?)p.OptionalInt("ttl", 1, 86400),
            p.OptionalBool("proxied"),
            token);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial System.Text.RegularExpressions.Regex ZoneIdPattern();

    private sealed record RecordSpec(string Zone, string Record, string Type, string Content, int? Ttl, bool? Proxied, string Token);
}
