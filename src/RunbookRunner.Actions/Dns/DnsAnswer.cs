namespace RunbookRunner.Actions.Dns;

/// <summary>What a resolver said: the values (canonical form), or why there are none.</summary>
internal sealed record DnsAnswer(IReadOnlyList<string> Values, string? Problem = null)
{
    public string Describe() => Problem ?? (Values.Count == 0 ? "no records" : string.Join(", ", Values));
}
