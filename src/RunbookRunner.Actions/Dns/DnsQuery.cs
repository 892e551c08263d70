namespace RunbookRunner.Actions.Dns;

/// <summary>A record lookup: the name, its type (A, AAAA, CNAME, TXT) and the values that must all be answered.</summary>
internal sealed record DnsQuery(string Name, string Type, IReadOnlyList<string> Expected);
