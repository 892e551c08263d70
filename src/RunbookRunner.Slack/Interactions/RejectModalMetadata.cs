using System.Text.Json;

namespace RunbookRunner.Slack.Interactions;

/// <summary>What the reject-reason modal is about, carried in its <c>private_metadata</c> to the submission.</summary>
public sealed record RejectModalMetadata(string Run, string Target, string? Channel, string? Thread, string? Url)
{
    public string Serialize() => SlackJson.Serialize(this);

    /// <summary>Parses metadata written by <see cref="Serialize"/>; null for anything else.</summary>
    public static RejectModalMetadata? TryParse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<RejectModalMetadata>(json, SlackJson.Options);
            return parsed is { Run.Length: > 0, Target.Length: > 0 } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
