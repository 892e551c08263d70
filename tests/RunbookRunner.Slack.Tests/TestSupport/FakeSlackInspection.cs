using System.Text;
using System.Text.Json;
using RunbookRunner.Slack.Tests.Fakes;

namespace RunbookRunner.Slack.Tests.TestSupport;

/// <summary>Reads what the war room posted to the fake Slack: buttons, texts, thread replies.</summary>
internal static class FakeSlackInspection
{
    /// <summary>Every button of a message as (action_id, value, has confirm dialog).</summary>
    public static IReadOnlyList<(string ActionId, string? Value, bool Confirm)> Buttons(this FakeSlackMessage message)
    {
        var buttons = new List<(string, string?, bool)>();
        if (message.Blocks is not { ValueKind: JsonValueKind.Array } blocks)
        {
            return buttons;
        }

        foreach (var block in blocks.EnumerateArray())
        {
            if (block.GetProperty("type").GetString() == "actions")
            {
                foreach (var element in block.GetProperty("elements").EnumerateArray())
                {
                    buttons.Add((
                        element.GetProperty("action_id").GetString()!,
                        element.TryGetProperty("value", out var v) ? v.GetString() : null,
                        element.TryGetProperty("confirm", out _)));
                }
            }
        }

        return buttons;
    }

    public static string? ButtonValue(this FakeSlackMessage message, string actionId) =>
        message.Buttons().FirstOrDefault(b => b.ActionId == actionId).Value;

    public static bool HasButton(this FakeSlackMessage message, string actionId) => message.Buttons().Any(b => b.ActionId == actionId);

    /// <summary>The message's text and every text inside its blocks, one per line, for "contains" checks.</summary>
    public static string AllText(this FakeSlackMessage message)
    {
        var text = new StringBuilder(message.Text ?? "");
        if (message.Blocks is { } blocks)
        {
            Collect(blocks, text);
        }

        return text.ToString();
    }

    public static string AllText(this FakeSlackResponse response)
    {
        var text = new StringBuilder(response.Text ?? "");
        if (response.Body.TryGetProperty("blocks", out var blocks))
        {
            Collect(blocks, text);
        }

        return text.ToString();
    }

    /// <summary>The top-level (non-thread) messages of a channel.</summary>
    public static IReadOnlyList<FakeSlackMessage> TopLevel(this FakeSlackServer server, string channel) =>
        [.. server.Messages.Where(m => m.Channel == channel && m.ThreadTs is null)];

    /// <summary>Replies under <paramref name="parentTs"/>, in posting order.</summary>
    public static IReadOnlyList<FakeSlackMessage> Thread(this FakeSlackServer server, string parentTs) =>
        [.. server.Messages.Where(m => m.ThreadTs == parentTs)];

    /// <summary>Successful <c>chat.update</c> calls of one message.</summary>
    public static int UpdateCount(this FakeSlackServer server, string ts) =>
        server.Calls.Count(c => c.Method == "chat.update" && c.Succeeded && c.GetString("ts") == ts);

    private static void Collect(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        text.Append('\n').Append(property.Value.GetString());
                    }
                    else
                    {
                        Collect(property.Value, text);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, text);
                }

                break;
        }
    }
}
