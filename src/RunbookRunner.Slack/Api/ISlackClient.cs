using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api;

/// <summary>
/// The part of the Slack Web API RunbookRunner uses. Calls are paced per channel, honour
/// <c>Retry-After</c>, retry transient failures a bounded number of times, and throw a
/// <see cref="Errors.SlackApiException"/> subtype when Slack answers <c>ok:false</c>.
/// </summary>
/// <remarks>
/// Slack has no idempotency key for <c>chat.postMessage</c>: a post retried after a timeout may appear
/// twice. Callers that must not double-post (the narrator's outbox) should prefer <c>chat.update</c> of a
/// known message where they can.
/// </remarks>
public interface ISlackClient
{
    /// <summary>
    /// Posts a message (<c>chat.postMessage</c>); with <paramref name="threadTs"/>, as a reply in that thread.
    /// <paramref name="text"/> is the notification/fallback text; Slack requires it or blocks.
    /// </summary>
    Task<SlackPostedMessage> PostMessageAsync(string channel, string text, IReadOnlyList<Block>? blocks = null, string? threadTs = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the text and blocks of a message the app posted (<c>chat.update</c>).</summary>
    Task<SlackPostedMessage> UpdateMessageAsync(string channel, string ts, string text, IReadOnlyList<Block>? blocks = null, CancellationToken cancellationToken = default);

    /// <summary>Shows a message only to <paramref name="user"/> in <paramref name="channel"/> (<c>chat.postEphemeral</c>); returns its <c>message_ts</c>.</summary>
    Task<string> PostEphemeralAsync(string channel, string user, string text, IReadOnlyList<Block>? blocks = null, string? threadTs = null, CancellationToken cancellationToken = default);

    /// <summary>Adds the emoji <paramref name="name"/> (without colons) to a message (<c>reactions.add</c>); a reaction already there counts as success.</summary>
    Task AddReactionAsync(string channel, string ts, string name, CancellationToken cancellationToken = default);

    /// <summary>Opens a modal for the user behind <paramref name="triggerId"/> (<c>views.open</c>; triggers live 3 s); returns the view id.</summary>
    Task<string> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default);

    /// <summary>Posts a reply to an interaction's or command's <paramref name="responseUrl"/>. The bot token is not sent there.</summary>
    Task RespondAsync(string responseUrl, SlackResponse response, CancellationToken cancellationToken = default);
}
