namespace RunbookRunner.Slack.Api;

/// <summary>
/// Where a message landed: the channel id Slack resolved and the message <c>ts</c>, which is the id
/// used to update it, thread under it (<c>thread_ts</c>) or react to it.
/// </summary>
public sealed record SlackPostedMessage(string Channel, string Ts);
