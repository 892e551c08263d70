using System.Text.Json;

namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>
/// One request the fake received, whatever its outcome. <see cref="ReceivedAt"/> is time since the
/// server started (monotonic), for asserting waits between calls.
/// </summary>
public sealed record FakeSlackCall(
    string Method,
    TimeSpan ReceivedAt,
    string? Authorization,
    string? ContentType,
    string Body,
    JsonElement? Json,
    int StatusCode,
    string? Error)
{
    /// <summary>Whether the fake answered with success.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300 && Error is null;

    /// <summary>A string property of the JSON body, or null.</summary>
    public string? GetString(string property) =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
