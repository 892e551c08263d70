namespace RunbookRunner.Slack.BlockKit;

/// <summary>
/// The "are you sure?" dialog Slack shows before an element fires, so a stray tap on a phone cannot
/// approve or roll back. Title cut to 100 characters, text to 300, button labels to 30.
/// </summary>
public sealed record ConfirmationDialog
{
    public ConfirmationDialog(string title, string text, string confirm, string deny, ButtonStyle? style = null)
    {
        Title = new PlainText(title).TruncatedTo(SlackLimits.ConfirmTitle);
        Text = new PlainText(text).TruncatedTo(SlackLimits.ConfirmText);
        Confirm = new PlainText(confirm).TruncatedTo(SlackLimits.ConfirmButton);
        Deny = new PlainText(deny).TruncatedTo(SlackLimits.ConfirmButton);
        Style = style;
    }

    public TextObject Title { get; }

    public TextObject Text { get; }

    public TextObject Confirm { get; }

    public TextObject Deny { get; }

    public ButtonStyle? Style { get; }
}
