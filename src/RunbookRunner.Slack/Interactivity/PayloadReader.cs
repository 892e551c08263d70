using System.Text.Json;

namespace RunbookRunner.Slack.Interactivity;

/// <summary>Strict accessors over a payload's JSON that fail only with <see cref="SlackPayloadException"/>.</summary>
internal static class PayloadReader
{
    public static JsonElement RequireObject(JsonElement parent, string name, string path)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        throw new SlackPayloadException($"Payload field '{path}' is missing or not an object.");
    }

    public static JsonElement? OptionalObject(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new SlackPayloadException($"Payload field '{path}' is not an object.");
    }

    public static string RequireString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { Length: > 0 } text
            ? text
            : throw new SlackPayloadException($"Payload field '{path}' is missing or empty.");

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new SlackPayloadException($"Payload field '{path}' is not a string.");
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new SlackPayloadException($"Payload field '{path}' holds an invalid string.", ex);
        }
    }

    public static bool OptionalBool(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new SlackPayloadException($"Payload field '{path}' is not a boolean."),
        };
    }

    public static string RequireAbsoluteUrl(string? value, string path)
    {
        if (value is { Length: > 0 } && Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return value;
        }

        throw new SlackPayloadException($"Payload field '{path}' is missing or not an absolute http(s) URL.");
    }

    public static string? OptionalAbsoluteUrl(string? value, string path) => value is null ? null : RequireAbsoluteUrl(value, path);
}
