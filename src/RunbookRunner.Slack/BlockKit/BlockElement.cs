using System.Text.Json.Serialization;

namespace RunbookRunner.Slack.BlockKit;

/// <summary>An interactive element; <see cref="ActionId"/> names it in the interaction payload.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
public abstract record BlockElement
{
    protected BlockElement(string actionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionId);
        ActionId = SlackText.RequireMaxLength(actionId, SlackLimits.ActionId, nameof(actionId))!;
    }

    public string ActionId { get; }
}
