namespace RunbookRunner.Slack.Api;

/// <summary>Who sees a reply sent through a <c>response_url</c>.</summary>
public enum SlackResponseType
{
    /// <summary>Only the user who clicked or typed the command (Slack's default).</summary>
    Ephemeral,

    /// <summary>Everyone in the channel.</summary>
    InChannel,
}
