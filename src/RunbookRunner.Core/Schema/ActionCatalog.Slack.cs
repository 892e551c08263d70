using static RunbookRunner.Core.Schema.SchemaBuilder;

namespace RunbookRunner.Core.Schema;

public static partial class ActionCatalog
{
    private static ActionDescriptor SlackPost() => new()
    {
        Type = "slack.post",
        Summary = "Posts a message to a Slack channel (announcements).",
        Parameters = Object(
            Req("channel", Str(), "Channel id (C0123...) or name."),
            Req("text", Str(), "Message text; with blocks it is the notification fallback."),
            Opt("blocks", ListOf(Any()) with { MaxItems = 50 }, "Block Kit blocks (at most 50).")),
        Idempotent = false,
        Outputs = ["ts", "channel"],
    };
}
