namespace RunbookRunner.Slack.Api;

/// <summary>Names of the Web API methods the client calls.</summary>
public static class SlackMethods
{
    public const string ChatPostMessage = "chat.postMessage";
    public const string ChatUpdate = "chat.update";
    public const string ChatPostEphemeral = "chat.postEphemeral";
    public const string ReactionsAdd = "reactions.add";
    public const string ViewsOpen = "views.open";

    /// <summary>Not a Web API method: posts to an interaction's <c>response_url</c>.</summary>
    public const string ResponseUrl = "response_url";
}
