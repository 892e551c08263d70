using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api;

/// <summary>Overloads of <see cref="ISlackClient"/> taking a built <see cref="SlackMessage"/>.</summary>
public static class SlackClientExtensions
{
    public static Task<SlackPostedMessage> PostMessageAsync(this ISlackClient client, string channel, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        return client.PostMessageAsync(channel, message.Text, message.Blocks, threadTs, cancellationToken);
    }

    public static Task<SlackPostedMessage> UpdateMessageAsync(this ISlackClient client, SlackPostedMessage target, SlackMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        return client.UpdateMessageAsync(target.Channel, target.Ts, message.Text, message.Blocks, cancellationToken);
    }

    public static Task<string> PostEphemeralAsync(this ISlackClient client, string channel, string user, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        return client.PostEphemeralAsync(channel, user, message.Text, message.Blocks, threadTs, cancellationToken);
    }
}
