using System.Text.Json;

namespace RunbookRunner.Slack.Interactivity;

/// <summary>
/// A submitted modal (<c>view_submission</c>), for example a rejection with its reason.
/// <see cref="PrivateMetadata"/> carries what the modal was opened for; <see cref="Values"/> the inputs by block id and action id.
/// </summary>
public sealed record ViewSubmissionPayload : SlackInteractionPayload
{
    public ViewSubmissionPayload(
        SlackUser user,
        string? teamId,
        string? apiAppId,
        string? triggerId,
        string viewId,
        string? callbackId,
        string? privateMetadata,
        string? hash,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> values)
        : base(ViewSubmissionType, user, teamId, apiAppId, triggerId)
    {
        ViewId = viewId;
        CallbackId = callbackId;
        PrivateMetadata = privateMetadata;
        Hash = hash;
        Values = values;
    }

    public string ViewId { get; }

    public string? CallbackId { get; }

    public string? PrivateMetadata { get; }

    public string? Hash { get; }

    /// <summary>Input states: block id → action id → value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> Values { get; }

    /// <summary>The value typed into input <paramref name="actionId"/> of block <paramref name="blockId"/>, or null.</summary>
    public string? GetValue(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var input) ? input.Value : null;

    internal static ViewSubmissionPayload FromJson(JsonElement root)
    {
        var user = ReadUser(root);
        var view = PayloadReader.RequireObject(root, "view", "view");
        var values = new Dictionary<string, IReadOnlyDictionary<string, SlackInputValue>>(StringComparer.Ordinal);
        if (PayloadReader.OptionalObject(view, "state", "view.state") is { } state
            && PayloadReader.OptionalObject(state, "values", "view.state.values") is { } valuesJson)
        {
            foreach (var block in valuesJson.EnumerateObject())
            {
                var blockPath = $"view.state.values.{SlackFormBody.Shorten(block.Name)}";
                if (block.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new SlackPayloadException($"Payload field '{blockPath}' is not an object.");
                }

                var inputs = new Dictionary<string, SlackInputValue>(StringComparer.Ordinal);
                foreach (var input in block.Value.EnumerateObject())
                {
                    var inputPath = $"{blockPath}.{SlackFormBody.Shorten(input.Name)}";
                    if (input.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new SlackPayloadException($"Payload field '{inputPath}' is not an object.");
                    }

                    var value = PayloadReader.OptionalString(input.Value, "value", inputPath + ".value");
                    if (value is null && PayloadReader.OptionalObject(input.Value, "selected_option", inputPath + ".selected_option") is { } selected)
                    {
                        value = PayloadReader.OptionalString(selected, "value", inputPath + ".selected_option.value");
                    }

                    inputs[input.Name] = new SlackInputValue(PayloadReader.RequireString(input.Value, "type", inputPath + ".type"), value);
                }

                values[block.Name] = inputs;
            }
        }

        return new ViewSubmissionPayload(
            user,
            ReadTeamId(root, user),
            PayloadReader.OptionalString(root, "api_app_id", "api_app_id"),
            PayloadReader.OptionalString(root, "trigger_id", "trigger_id"),
            PayloadReader.RequireString(view, "id", "view.id"),
            PayloadReader.OptionalString(view, "callback_id", "view.callback_id"),
            PayloadReader.OptionalString(view, "private_metadata", "view.private_metadata"),
            PayloadReader.OptionalString(view, "hash", "view.hash"),
            values);
    }
}
