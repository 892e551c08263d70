using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunbookRunner.Slack;

/// <summary>The JSON settings Slack expects: snake_case names, nulls left out.</summary>
public static class SlackJson
{
    /// <summary>Shared, read-only serializer options for Slack request bodies and Block Kit.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises <paramref name="value"/> to UTF-8 JSON the way it is sent to Slack.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Serialises <paramref name="value"/> to a JSON string the way it is sent to Slack.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
