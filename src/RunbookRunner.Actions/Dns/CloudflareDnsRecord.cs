namespace RunbookRunner.Actions.Dns;

/// <summary>The fields of a Cloudflare DNS record this project reads.</summary>
public sealed record CloudflareDnsRecord(string Id, string Type, string Name, string Content, int Ttl, bool? Proxied);
