namespace RunbookRunner.Slack.Interactions;

/// <summary>The outcome of a war-room action, in words for the person who asked, and whether it went through.</summary>
public sealed record WarRoomReply(bool Succeeded, string Text)
{
    public static WarRoomReply Done(string text) => new(true, text);

    public static WarRoomReply Refused(string text) => new(false, text);
}
