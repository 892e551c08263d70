using System.Net;

namespace RunbookRunner.Actions.Dns;

/// <summary>Compares record values the way DNS means them: canonical addresses, names without the final dot, unquoted text.</summary>
internal static class DnsValues
{
    public static string Canonical(string type, string value)
    {
        var text = value.Trim();
        return type switch
        {
            "A" or "AAAA" when IPAddress.TryParse(text, out var ip) => ip.ToString(),
            "CNAME" => text.TrimEnd('.').ToLowerInvariant(),
            "TXT" => Unquote(text),
            _ => text,
        };
    }

    /// <summary>TXT data arrives as one or more quoted strings (<c>"v=spf1 " "-all"</c>); they join into one value.</summary>
    private static string Unquote(string text)
    {
        if (!text.StartsWith('"'))
        {
            return text;
        }

        var parts = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf('"', i);
            if (start < 0)
            {
                break;
            }

            var end = start + 1;
            var part = new System.Text.StringBuilder();
            while (end < text.Length && text[end] != '"')
            {
                if (text[end] == '\\' && end + 1 < text.Length)
                {
                    end++;
                }

                part.Append(text[end]);
                end++;
            }

            parts.Add(part.ToString());
            i = end + 1;
        }

        return string.Concat(parts);
    }
}
