using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RunbookRunner.Core.Tests.TestSupport;

/// <summary>
/// Reads YAML as an editor's YAML language server does before it applies a JSON Schema: YAML 1.2 core scalars
/// (plain null, booleans, numbers; quoted text stays text), aliases expanded, merge keys applied.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Node(stream.Documents[0].RootNode);
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => Map(map),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Node)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonObject Map(YamlMappingNode map)
    {
        var result = new JsonObject();

        // Merged keys first, so explicit keys override them whatever their order.
        foreach (var (key, value) in map.Children.Where(c => IsMergeKey(c.Key)))
        {
            var sources = value is YamlSequenceNode many ? many.Children : [value];
            foreach (var source in sources)
            {
                foreach (var (mergedKey, mergedValue) in Map((YamlMappingNode)source))
                {
                    result[mergedKey] = mergedValue?.DeepClone();
                }
            }
        }

        foreach (var (key, value) in map.Children.Where(c => !IsMergeKey(c.Key)))
        {
            result[((YamlScalarNode)key).Value ?? string.Empty] = Node(value);
        }

        return result;
    }

    private static bool IsMergeKey(YamlNode key) => key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
