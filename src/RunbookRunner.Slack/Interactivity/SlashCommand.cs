namespace RunbookRunner.Slack.Interactivity;

/// <summary>
/// A slash command invocation posted to <c>/slack/commands</c> as form fields. Answer within 3 seconds;
/// later replies go to <see cref="ResponseUrl"/>.
/// </summary>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? UserName,
    string ChannelId,
    string? ChannelName,
    string TeamId,
    string? TeamDomain,
    string? EnterpriseId,
    string? ApiAppId,
    string ResponseUrl,
    string TriggerId)
{
    /// <summary>Parses a raw form body; throws only <see cref="SlackPayloadException"/>.</summary>
    public static SlashCommand Parse(ReadOnlySpan<byte> formBody) => FromForm(SlackFormBody.Parse(formBody));

    /// <summary>Builds a command from already-parsed form fields; throws only <see cref="SlackPayloadException"/>.</summary>
    public static SlashCommand FromForm(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var command = Require(form, "command");
        if (!command.StartsWith('/'))
        {
            throw new SlackPayloadException($"Slash command field 'command' is '{SlackFormBody.Shorten(command)}'; it must start with '/'.");
        }

        return new SlashCommand(
            command,
            Optional(form, "text") ?? string.Empty,
            Require(form, "user_id"),
            Optional(form, "user_name"),
            Require(form, "channel_id"),
            Optional(form, "channel_name"),
            Require(form, "team_id"),
            Optional(form, "team_domain"),
            Optional(form, "enterprise_id"),
            Optional(form, "api_app_id"),
            PayloadReader.RequireAbsoluteUrl(Optional(form, "response_url"), "response_url"),
            Require(form, "trigger_id"));
    }

    private static string Require(IReadOnlyDictionary<string, string> form, string name) =>
        Optional(form, name) ?? throw new SlackPayloadException($"Slash command field '{name}' is missing or empty.");

    private static string? Optional(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
