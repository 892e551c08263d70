using System.Globalization;
using System.Text.Json.Nodes;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Actions.Parameters;

/// <summary>Converts a YAML parameter tree to JSON (request bodies, payloads, inputs, Slack blocks).</summary>
public static class ParamJson
{
    /// <summary>
    /// Plain scalars become JSON null, booleans or numbers when they look like one (YAML 1.2 core schema);
    /// quoted scalars always stay strings.
    /// </summary>
    public static JsonNode? ToNode(ParamValue? value) => value switch
    {
        null => null,
        ScalarValue s => ScalarToNode(s),
        ListValue l => new JsonArray(l.Items.Select(ToNode).ToArray()),
        MapValue m => ToObject(m),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "unknown parameter value kind"),
    };

    public static JsonObject ToObject(MapValue map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var obj = new JsonObject();
        foreach (var entry in map.Entries)
        {
            obj[entry.Key] = ToNode(entry.Value);
        }

        return obj;
    }

    private static JsonValue? ScalarToNode(ScalarValue s)
    {
        if (s.Quoted)
        {
            return JsonValue.Create(s.Text);
        }

        if (s.IsNull)
        {
            return null;
        }

        if (s.TryGetBool(out var b))
        {
            return JsonValue.Create(b);
        }

        if (s.TryGetInt(out var n))
        {
            return JsonValue.Create(n);
        }

        if (LooksNumeric(s.Text) && double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(s.Text);
    }

    private static bool LooksNumeric(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || ((text[0] == '-' || text[0] == '+' || text[0] == '.') && text.Length > 1));
}
