using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunbookRunner.Core.Runs.Events;

/// <summary>
/// Journal encoding of run events: the type name is stored beside the JSON data, so a row can be read
/// without knowing its type in advance and the names stay stable across refactorings of the classes.
/// </summary>
public static class RunEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The data of an event without its type discriminator.</summary>
    public static string Serialize(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.Serialize(e, e.GetType(), Options);
    }

    public static RunEvent Deserialize(string type, string dataJson)
    {
        var clrType = typeof(RunEvent).Assembly.GetType($"{typeof(RunEvent).Namespace}.{type}");
        if (clrType is null || !clrType.IsSubclassOf(typeof(RunEvent)))
        {
            throw new JsonException($"Unknown run event type '{type}' in the journal.");
        }

        return (RunEvent?)JsonSerializer.Deserialize(dataJson, clrType, Options)
            ?? throw new JsonException($"Journal event of type '{type}' has no data.");
    }
}
