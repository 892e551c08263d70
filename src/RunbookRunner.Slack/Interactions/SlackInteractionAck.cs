namespace RunbookRunner.Slack.Interactions;

/// <summary>
/// The immediate HTTP answer to an interaction: 200 with no body (Slack's "got it"; it also closes a submitted
/// modal), or 200 with a JSON body such as a modal's field errors.
/// </summary>
public sealed record SlackInteractionAck(string? Json)
{
    public static SlackInteractionAck Empty { get; } = new((string?)null);
}
