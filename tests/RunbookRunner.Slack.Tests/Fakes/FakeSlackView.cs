using System.Text.Json;

namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>A modal opened through <c>views.open</c>.</summary>
public sealed record FakeSlackView(string Id, string TriggerId, JsonElement View);
