namespace RunbookRunner.Core.Tests.TestSupport;

/// <summary>One unfolded content line: <c>NAME;PARAM=VALUE:value</c>.</summary>
internal sealed record IcsProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    public static IcsProperty Parse(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var head = line[..colon].Split(';');
        var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new IcsProperty(head[0], parameters, line[(colon + 1)..]);
    }
}
