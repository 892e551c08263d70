using System.Text.Json;

namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>A JSON body posted to one of the fake's response URLs.</summary>
public sealed record FakeSlackResponse(string ResponseUrl, JsonElement Body)
{
    public string? Text => Body.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    public string? ResponseType => Body.TryGetProperty("response_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    public bool ReplaceOriginal => Body.TryGetProperty("replace_original", out var r)
        && (r.ValueKind == JsonValueKind.True || (r.ValueKind == JsonValueKind.String && r.GetString() == "true"));
}
