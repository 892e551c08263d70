namespace RunbookRunner.Slack.Interactivity;

/// <summary>
/// A request body from Slack (form, interaction payload, slash command) is malformed or lacks a field we
/// need. The only exception the payload parsers throw; answer the request with 400.
/// </summary>
public sealed class SlackPayloadException : Exception
{
    public SlackPayloadException(string message)
        : base(message)
    {
    }

    public SlackPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
