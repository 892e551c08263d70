using System.Text.Json;

namespace RunbookRunner.Slack.Interactivity;

/// <summary>
/// An interaction Slack posted to <c>/slack/interactions</c>: <see cref="BlockActionsPayload"/> (a click)
/// or <see cref="ViewSubmissionPayload"/> (a submitted modal). The body is a form with one field,
/// <c>payload</c>, holding JSON.
/// </summary>
public abstract record SlackInteractionPayload
{
    public const string BlockActionsType = "block_actions";
    public const string ViewSubmissionType = "view_submission";

    // Real payloads nest a few levels (message → blocks → elements → text); 64 leaves room and bounds hostile input.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    protected SlackInteractionPayload(string type, SlackUser user, string? teamId, string? apiAppId, string? triggerId)
    {
        Type = type;
        User = user;
        TeamId = teamId;
        ApiAppId = apiAppId;
        TriggerId = triggerId;
    }

    public string Type { get; }

    public SlackUser User { get; }

    public string? TeamId { get; }

    public string? ApiAppId { get; }

    /// <summary>Opens a modal within 3 seconds of the interaction, once.</summary>
    public string? TriggerId { get; }

    /// <summary>Parses a raw form body (<c>payload=...</c>); throws only <see cref="SlackPayloadException"/>.</summary>
    public static SlackInteractionPayload Parse(ReadOnlySpan<byte> formBody)
    {
        var form = SlackFormBody.Parse(formBody);
        if (!form.TryGetValue("payload", out var json) || json.Length == 0)
        {
            throw new SlackPayloadException("Interaction body has no 'payload' field.");
        }

        return ParseJson(json);
    }

    /// <summary>Parses the JSON of the <c>payload</c> field; throws only <see cref="SlackPayloadException"/>.</summary>
    public static SlackInteractionPayload ParseJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SlackPayloadException("Interaction payload is not a JSON object.");
            }

            var type = PayloadReader.RequireString(root, "type", "type");
            return type switch
            {
                BlockActionsType => BlockActionsPayload.FromJson(root),
                ViewSubmissionType => ViewSubmissionPayload.FromJson(root),
                _ => throw new SlackPayloadException($"Interaction type '{SlackFormBody.Shorten(type)}' is not supported; expected '{BlockActionsType}' or '{ViewSubmissionType}'."),
            };
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException($"Interaction payload is not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // Thrown by the transcoder for text that cannot become UTF-8 (lone surrogates).
            throw new SlackPayloadException("Interaction payload is not valid text.", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Thrown when a property name or string escapes to invalid UTF-16 (a lone "\ud800"), found by fuzzing.
            throw new SlackPayloadException("Interaction payload holds an invalid escaped string.", ex);
        }
    }

    internal static SlackUser ReadUser(JsonElement root)
    {
        var user = PayloadReader.RequireObject(root, "user", "user");
        return new SlackUser(
            PayloadReader.RequireString(user, "id", "user.id"),
            PayloadReader.OptionalString(user, "username", "user.username"),
            PayloadReader.OptionalString(user, "name", "user.name"),
            PayloadReader.OptionalString(user, "team_id", "user.team_id"));
    }

    internal static string? ReadTeamId(JsonElement root, SlackUser user)
    {
        var team = PayloadReader.OptionalObject(root, "team", "team");
        return (team is { } t ? PayloadReader.OptionalString(t, "id", "team.id") : null) ?? user.TeamId;
    }
}
