using RunbookRunner.Slack.BlockKit;

namespace RunbookRunner.Slack.Api.Requests;

/// <summary>Body of <c>views.open</c>.</summary>
internal sealed record ViewsOpenRequest(string TriggerId, ModalView View);
