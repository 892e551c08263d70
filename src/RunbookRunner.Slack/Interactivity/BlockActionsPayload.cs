using System.Text.Json;

namespace RunbookRunner.Slack.Interactivity;

/// <summary>
/// A click on a Block Kit element (<c>block_actions</c>). <see cref="Actions"/> holds what was clicked;
/// <see cref="Container"/>, <see cref="Channel"/> and <see cref="Message"/> say where, so the message can be updated.
/// </summary>
public sealed record BlockActionsPayload : SlackInteractionPayload
{
    public BlockActionsPayload(
        SlackUser user,
        string? teamId,
        string? apiAppId,
        string triggerId,
        SlackActionContainer container,
        SlackChannel? channel,
        SlackPayloadMessage? message,
        string? responseUrl,
        IReadOnlyList<SlackBlockAction> actions)
        : base(BlockActionsType, user, teamId, apiAppId, triggerId)
    {
        Container = container;
        Channel = channel;
        Message = message;
        ResponseUrl = responseUrl;
        Actions = actions;
    }

    public SlackActionContainer Container { get; }

    public SlackChannel? Channel { get; }

    public SlackPayloadMessage? Message { get; }

    /// <summary>Where to reply (up to 5 times within 30 minutes); absent for clicks inside modals.</summary>
    public string? ResponseUrl { get; }

    /// <summary>The interactions, at least one.</summary>
    public IReadOnlyList<SlackBlockAction> Actions { get; }

    /// <summary>The channel of the message clicked on, from <c>channel</c> or the container.</summary>
    public string? ChannelId => Channel?.Id ?? Container.ChannelId;

    /// <summary>The ts of the message clicked on, from <c>message</c> or the container.</summary>
    public string? MessageTs => Message?.Ts ?? Container.MessageTs;

    internal static BlockActionsPayload FromJson(JsonElement root)
    {
        var user = ReadUser(root);
        var triggerId = PayloadReader.RequireString(root, "trigger_id", "trigger_id");

        var containerJson = PayloadReader.RequireObject(root, "container", "container");
        var container = new SlackActionContainer(
            PayloadReader.RequireString(containerJson, "type", "container.type"),
            PayloadReader.OptionalString(containerJson, "message_ts", "container.message_ts"),
            PayloadReader.OptionalString(containerJson, "channel_id", "container.channel_id"),
            PayloadReader.OptionalBool(containerJson, "is_ephemeral", "container.is_ephemeral"),
            PayloadReader.OptionalString(containerJson, "view_id", "container.view_id"));

        SlackChannel? channel = null;
        if (PayloadReader.OptionalObject(root, "channel", "channel") is { } channelJson)
        {
            channel = new SlackChannel(
                PayloadReader.RequireString(channelJson, "id", "channel.id"),
                PayloadReader.OptionalString(channelJson, "name", "channel.name"));
        }

        SlackPayloadMessage? message = null;
        if (PayloadReader.OptionalObject(root, "message", "message") is { } messageJson)
        {
            message = new SlackPayloadMessage(
                PayloadReader.RequireString(messageJson, "ts", "message.ts"),
                PayloadReader.OptionalString(messageJson, "thread_ts", "message.thread_ts"),
                PayloadReader.OptionalString(messageJson, "text", "message.text"));
        }

        var responseUrl = PayloadReader.OptionalAbsoluteUrl(PayloadReader.OptionalString(root, "response_url", "response_url"), "response_url");

        if (!root.TryGetProperty("actions", out var actionsJson) || actionsJson.ValueKind != JsonValueKind.Array || actionsJson.GetArrayLength() == 0)
        {
            throw new SlackPayloadException("Payload field 'actions' is missing, not an array, or empty.");
        }

        var actions = new List<SlackBlockAction>(actionsJson.GetArrayLength());
        var index = 0;
        foreach (var action in actionsJson.EnumerateArray())
        {
            var path = $"actions[{index++}]";
            if (action.ValueKind != JsonValueKind.Object)
            {
                throw new SlackPayloadException($"Payload field '{path}' is not an object.");
            }

            var value = PayloadReader.OptionalString(action, "value", path + ".value");
            if (value is null && PayloadReader.OptionalObject(action, "selected_option", path + ".selected_option") is { } selected)
            {
                value = PayloadReader.OptionalString(selected, "value", path + ".selected_option.value");
            }

            actions.Add(new SlackBlockAction(
                PayloadReader.RequireString(action, "action_id", path + ".action_id"),
                PayloadReader.RequireString(action, "block_id", path + ".block_id"),
                PayloadReader.RequireString(action, "type", path + ".type"),
                value,
                PayloadReader.RequireString(action, "action_ts", path + ".action_ts")));
        }

        return new BlockActionsPayload(
            user,
            ReadTeamId(root, user),
            PayloadReader.OptionalString(root, "api_app_id", "api_app_id"),
            triggerId,
            container,
            channel,
            message,
            responseUrl,
            actions);
    }
}
