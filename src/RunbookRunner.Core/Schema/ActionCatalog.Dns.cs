using static RunbookRunner.Core.Schema.SchemaBuilder;

namespace RunbookRunner.Core.Schema;

public static partial class ActionCatalog
{
    private static readonly string[] RecordTypes = ["A", "AAAA", "CNAME", "TXT", "MX", "NS", "CAA", "SRV"];

    private static ActionDescriptor DnsCloudflare() => new()
    {
        Type = "dns.cloudflare",
        Summary = "Creates or updates a DNS record through the Cloudflare API; outputs the previous value for undo.",
        Parameters = Object(
            Req("zone", Str(), "Zone name (example.com) or zone id."),
            Req("record", Str(), "Record name, relative to the zone (www) or fully qualified; @ for the apex."),
            Req("type", OneOf(RecordTypes), "Record type."),
            Req("content", Str(), "Record value (an address, a host name, text)."),
            Opt("ttl", Int(1, 86400), "TTL in seconds; 1 means automatic; default 1."),
            Opt("proxied", Bool(), "Proxy through Cloudflare; default false."),
            Req("token", Str(), "Cloudflare API token; use ${secrets.NAME}.")),
        Idempotent = true,
        Outputs = ["record_id", "previous_content", "previous_ttl", "previous_proxied"],
        SecretParameters = ["token"],
    };

    private static ActionDescriptor DnsCheck() => new()
    {
        Type = "dns.check",
        Summary = "Polls until a name resolves to the expected value(s), or the step times out.",
        Parameters = Object(
            Req("name", Str(), "Fully qualified name to resolve."),
            Opt("type", OneOf(RecordTypes), "Record type; default A."),
            Req("expect", new OneOfSchema([Str(), ListOf(Str())]), "Expected value, or values that must all be present.")),
        Idempotent = true,
        CanGate = true,
        Outputs = ["addresses"],
    };
}
