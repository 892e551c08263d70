using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>Compares JSON structurally, ignoring property order.</summary>
internal static class JsonTestHelpers
{
    public static string Normalize(JsonElement element) => Sort(JsonNode.Parse(element.GetRawText()))?.ToJsonString() ?? "null";

    public static string Normalize(string json) => Sort(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
