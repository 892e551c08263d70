using Microsoft.Extensions.Logging;
using RunbookRunner.Slack.Api;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Errors;

namespace RunbookRunner.Slack.Interactions;

/// <summary>
/// Where to answer a person privately: the interaction's <c>response_url</c> when there is one, otherwise an
/// ephemeral message in the channel (and thread) they acted in.
/// </summary>
public sealed record SlackReplyTarget(string UserId, string? ResponseUrl, string? Channel, string? ThreadTs)
{
    /// <summary>Sends <paramref name="text"/> to the user; a reply that cannot be delivered is logged, not thrown.</summary>
    public Task SendAsync(ISlackClient slack, string text, ILogger logger, SlackResponseType type = SlackResponseType.Ephemeral, CancellationToken cancellationToken = default) =>
        SendAsync(slack, new SlackMessage(text), logger, type, cancellationToken);

    /// <summary>Sends <paramref name="message"/> to the user (or, in the channel, to everyone when <paramref name="type"/> says so).</summary>
    public async Task SendAsync(ISlackClient slack, SlackMessage message, ILogger logger, SlackResponseType type = SlackResponseType.Ephemeral, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slack);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            if (ResponseUrl is not null)
            {
                await slack.RespondAsync(ResponseUrl, new SlackResponse(message, type), cancellationToken).ConfigureAwait(false);
            }
            else if (Channel is not null && type == SlackResponseType.InChannel)
            {
                await slack.PostMessageAsync(Channel, message, ThreadTs, cancellationToken).ConfigureAwait(false);
            }
            else if (Channel is not null)
            {
                await slack.PostEphemeralAsync(Channel, UserId, message, ThreadTs, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not answer Slack user {User}: {Error}", UserId, ex.Message);
        }
    }
}
