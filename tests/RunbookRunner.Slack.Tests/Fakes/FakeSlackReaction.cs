namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>A reaction added through <c>reactions.add</c>.</summary>
public sealed record FakeSlackReaction(string Channel, string Ts, string Name);
