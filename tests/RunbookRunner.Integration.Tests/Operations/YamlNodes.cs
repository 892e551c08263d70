using YamlDotNet.RepresentationModel;

namespace RunbookRunner.Integration.Tests.Operations;

/// <summary>Short paths through parsed YAML: <c>node.At("spec", "template")</c>.</summary>
internal static class YamlNodes
{
    public static YamlNode At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var next)
                ? next
                : throw new KeyNotFoundException($"no '{key}' in {string.Join(".", path)}");
        }

        return current;
    }

    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var next) ? next : null;

    public static string Text(this YamlNode node, params string[] path) => ((YamlScalarNode)node.At(path)).Value ?? "";

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) => (YamlSequenceNode)node.At(path);

    public static IEnumerable<string> Keys(this YamlNode node, params string[] path) =>
        ((YamlMappingNode)node.At(path)).Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "");
}
