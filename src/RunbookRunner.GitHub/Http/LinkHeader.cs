using System.Text.RegularExpressions;

namespace RunbookRunner.GitHub.Http;

/// <summary>Reads RFC 8288 <c>Link</c> headers as GitHub sends them for paging.</summary>
internal static partial class LinkHeader
{
    /// <summary>The URL with the given relation, or <see langword="null"/>.</summary>
    /// <remarks>Matches each <c>&lt;url&gt;; params</c> rather than splitting on commas: page URLs may contain commas.</remarks>
    public static string? Find(IEnumerable<string> headerValues, string relation)
    {
        foreach (var value in headerValues)
        {
            foreach (Match link in LinkPattern().Matches(value))
            {
                var rel = RelPattern().Match(link.Groups["params"].Value);
                if (rel.Success
                    && rel.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Contains(relation, StringComparer.OrdinalIgnoreCase))
                {
                    return link.Groups["url"].Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex("<(?<url>[^>]*)>(?<params>[^<]*)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""rel\s*=\s*(?:"(?<rel>[^"]*)"|(?<rel>[^;,\s]+))""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelPattern();
}
