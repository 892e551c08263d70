namespace RunbookRunner.Slack.BlockKit;

/// <summary>
/// Slack's published size limits (api.slack.com/reference/block-kit, chat.postMessage). Free text is
/// truncated to them; identifiers and counts beyond them are refused, since cutting them changes meaning.
/// </summary>
public static class SlackLimits
{
    public const int MessageText = 40_000;
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int BlockId = 255;
    public const int ActionId = 255;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int HeaderText = 150;

    // Slack documents no separate limit for context text; 2000 keeps it well inside the block's budget.
    public const int ContextElementText = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ButtonAccessibilityLabel = 75;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int InputPlaceholder = 150;
    public const int InputMaxLength = 3000;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int CallbackId = 255;
    public const int PrivateMetadata = 3000;
}
