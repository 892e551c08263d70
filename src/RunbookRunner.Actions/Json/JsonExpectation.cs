using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Actions.Json;

/// <summary>Compares a JSON value found in a response with an expected value written in YAML.</summary>
public static class JsonExpectation
{
    /// <summary>
    /// Numbers compare numerically, booleans and null by value, strings by text; a string expectation also
    /// matches a number or boolean with the same text (substituted values arrive as strings); maps and
    /// lists compare structurally.
    /// </summary>
    public static bool Matches(JsonNode? actual, ParamValue expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (expected is not ScalarValue scalar)
        {
            return JsonNode.DeepEquals(actual, ParamJson.ToNode(expected));
        }

        if (!scalar.Quoted && scalar.IsNull)
        {
            return actual is null;
        }

        if (actual is not JsonValue value)
        {
            return false;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expectedNumber)
                    && value.GetValue<double>().Equals(expectedNumber);
            case JsonValueKind.True or JsonValueKind.False:
                return string.Equals(scalar.Text, value.GetValue<bool>() ? "true" : "false", StringComparison.OrdinalIgnoreCase);
            case JsonValueKind.String:
                return value.GetValue<string>() == scalar.Text;
            default:
                return false;
        }
    }

    /// <summary>Short text of a JSON value for messages ("got 503", "got \"degraded\"", "missing").</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "\"" + Truncate(v.GetValue<string>()) + "\"",
        _ => Truncate(node.ToJsonString()),
    };

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
