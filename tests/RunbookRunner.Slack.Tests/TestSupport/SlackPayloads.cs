using System.Text.Json;

namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>Interaction payloads and slash-command bodies shaped like the ones Slack sends.</summary>
internal static class SlackPayloads
{
    public const string TeamId = "T0TEAM";

    public static string BlockAction(
        string userId, string actionId, string value, string channel, string messageTs, string? threadTs, string responseUrl, string actionTs, string? triggerId = null) =>
        JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = userId, username = userId.ToLowerInvariant(), team_id = TeamId },
            team = new { id = TeamId, domain = "acme" },
            api_app_id = "A0APP",
            trigger_id = triggerId ?? $"trigger-{actionTs}",
            container = new { type = "message", message_ts = messageTs, channel_id = channel, is_ephemeral = false },
            channel = new { id = channel, name = "war-room" },
            message = new { type = "message", ts = messageTs, thread_ts = threadTs, text = "…" },
            response_url = responseUrl,
            actions = new[] { new { action_id = actionId, block_id = "b", type = "button", value, action_ts = actionTs } },
        });

    public static string ViewSubmission(string userId, string viewId, string callbackId, string? privateMetadata, string? reason) =>
        JsonSerializer.Serialize(new
        {
            type = "view_submission",
            user = new { id = userId, username = userId.ToLowerInvariant(), team_id = TeamId },
            team = new { id = TeamId },
            api_app_id = "A0APP",
            view = new
            {
                id = viewId,
                type = "modal",
                callback_id = callbackId,
                private_metadata = privateMetadata,
                hash = "1700000000.abcdef",
                state = new { values = new Dictionary<string, object> { ["reason"] = new Dictionary<string, object> { ["reason"] = new { type = "plain_text_input", value = reason } } } },
            },
        });

    /// <summary>The form body of an interaction: one field, <c>payload</c>, holding the JSON.</summary>
    public static string InteractionForm(string payloadJson) => "payload=" + Uri.EscapeDataString(payloadJson);

    public static string CommandForm(string userId, string text, string channel, string responseUrl, string triggerId) =>
        string.Join('&', new Dictionary<string, string>
        {
            ["token"] = "legacy-verification-token",
            ["team_id"] = TeamId,
            ["team_domain"] = "acme",
            ["channel_id"] = channel,
            ["channel_name"] = "war-room",
            ["user_id"] = userId,
            ["user_name"] = userId.ToLowerInvariant(),
            ["command"] = "/runbook",
            ["text"] = text,
            ["api_app_id"] = "A0APP",
            ["response_url"] = responseUrl,
            ["trigger_id"] = triggerId,
        }.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));
}
