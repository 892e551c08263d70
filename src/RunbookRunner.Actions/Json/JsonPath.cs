using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RunbookRunner.Actions.Json;

/// <summary>
/// A small JSON path subset: <c>$</c>, <c>.name</c>, <c>['name']</c> / <c>["name"]</c> and <c>[index]</c>
/// (negative counts from the end), e.g. <c>$.data.items[0].status</c>. No wildcards or filters.
/// </summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<object> _segments;

    private JsonPath(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public static JsonPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    public static bool TryParse(string text, out JsonPath path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null!;
        error = null;
        var s = text.Trim();
        var segments = new List<object>();
        var i = 0;
        if (s.StartsWith('$'))
        {
            i = 1;
        }
        else if (s.Length > 0 && s[0] != '.' && s[0] != '[')
        {
            // Accept "a.b" as a shorthand for "$.a.b".
            s = "." + s;
        }

        while (i < s.Length)
        {
            if (s[i] == '.')
            {
                var start = ++i;
                while (i < s.Length && s[i] != '.' && s[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    error = $"JSON path '{text}' has an empty name after '.' at {start}; write e.g. $.data.status";
                    return false;
                }

                segments.Add(s[start..i]);
            }
            else if (s[i] == '[')
            {
                i++;
                if (i < s.Length && (s[i] == '\'' || s[i] == '"'))
                {
                    var quote = s[i++];
                    var name = new StringBuilder();
                    while (i < s.Length && s[i] != quote)
                    {
                        if (s[i] == '\\' && i + 1 < s.Length)
                        {
                            i++;
                        }

                        name.Append(s[i++]);
                    }

                    if (i + 1 >= s.Length || s[i + 1] != ']')
                    {
                        error = $"JSON path '{text}' has an unterminated [{quote}name{quote}]";
                        return false;
                    }

                    i += 2;
                    segments.Add(name.ToString());
                }
                else
                {
                    var close = s.IndexOf(']', i);
                    if (close < 0 || !int.TryParse(s.AsSpan(i, close - i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                    {
                        error = $"JSON path '{text}' has a bad index at {i}; write [0], [-1] or ['name']";
                        return false;
                    }

                    segments.Add(index);
                    i = close + 1;
                }
            }
            else
            {
                error = $"JSON path '{text}' has an unexpected '{s[i]}' at {i}; write e.g. $.items[0].name";
                return false;
            }
        }

        path = new JsonPath(text.Trim(), segments);
        return true;
    }

    /// <summary>Finds the node the path points at; false when any step is missing. A found JSON null is (true, null).</summary>
    public bool TryEvaluate(JsonNode? root, out JsonNode? result)
    {
        var current = root;
        foreach (var segment in _segments)
        {
            switch (segment)
            {
                case string name when current is JsonObject obj && obj.TryGetPropertyValue(name, out var child):
                    current = child;
                    break;
                case int index when current is JsonArray array:
                    var at = index < 0 ? array.Count + index : index;
                    if (at < 0 || at >= array.Count)
                    {
                        result = null;
                        return false;
                    }

                    current = array[at];
                    break;
                default:
                    result = null;
                    return false;
            }
        }

        result = current;
        return true;
    }

    public override string ToString() => Text;
}
