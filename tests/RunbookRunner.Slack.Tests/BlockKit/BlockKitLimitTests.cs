using FluentAssertions;
using RunbookRunner.Slack.BlockKit;
using Xunit;

namespace RunbookRunner.Slack.Tests.BlockKit;

public sealed class BlockKitLimitTests
{
    [Fact]
    public void SectionBlock_TextOverLimit_TruncatedTo3000WithEllipsis()
    {
        var block = new SectionBlock(new string('a', 5000));

        block.Text!.Text.Should().HaveLength(SlackLimits.SectionText).And.EndWith("…");
    }

    [Fact]
    public void SectionBlock_FieldOverLimit_TruncatedTo2000()
    {
        var block = new SectionBlock(null, [new MarkdownText(new string('f', 2500))]);

        block.Fields!.Single().Text.Should().HaveLength(SlackLimits.SectionFieldText);
    }

    [Fact]
    public void SectionBlock_ElevenFields_Throws()
    {
        var act = () => new SectionBlock(null, Enumerable.Range(0, 11).Select(i => new MarkdownText($"f{i}")));

        act.Should().Throw<ArgumentException>().WithMessage("*at most 10 fields*");
    }

    [Fact]
    public void SectionBlock_NoTextNoFields_Throws()
    {
        var act = () => new SectionBlock(null, []);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void HeaderBlock_LongText_TruncatedTo150()
    {
        new HeaderBlock(new string('h', 200)).Text.Text.Should().HaveLength(SlackLimits.HeaderText);
    }

    [Fact]
    public void ButtonElement_LongText_TruncatedTo75()
    {
        new ButtonElement(new string('b', 100), "id").Text.Text.Should().HaveLength(SlackLimits.ButtonText);
    }

    [Fact]
    public void ButtonElement_ActionIdOver255_ThrowsInsteadOfCutting()
    {
        var act = () => new ButtonElement("ok", new string('x', 256));

        act.Should().Throw<ArgumentException>().WithMessage("*255*");
    }

    [Fact]
    public void ButtonElement_ValueOver2000_Throws()
    {
        var act = () => new ButtonElement("ok", "id", new string('v', 2001));

        act.Should().Throw<ArgumentException>().WithParameterName("value");
    }

    [Fact]
    public void ConfirmationDialog_LongParts_TruncatedToSlackLimits()
    {
        var dialog = new ConfirmationDialog(new string('t', 150), new string('x', 400), new string('c', 40), new string('d', 40));

        dialog.Title.Text.Should().HaveLength(SlackLimits.ConfirmTitle);
        dialog.Text.Text.Should().HaveLength(SlackLimits.ConfirmText);
        dialog.Confirm.Text.Should().HaveLength(SlackLimits.ConfirmButton);
        dialog.Deny.Text.Should().HaveLength(SlackLimits.ConfirmButton);
    }

    [Fact]
    public void ActionsBlock_TwentySixElements_Throws()
    {
        var act = () => new ActionsBlock(Enumerable.Range(0, 26).Select(i => new ButtonElement("b", $"a{i}")));

        act.Should().Throw<ArgumentException>().WithMessage("*1 to 25*");
    }

    [Fact]
    public void ContextBlock_ElevenElements_Throws()
    {
        var act = () => new ContextBlock(Enumerable.Range(0, 11).Select(i => $"c{i}").ToArray());

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void BlockId_Over255_Throws()
    {
        var act = () => new DividerBlock(new string('x', 256));

        act.Should().Throw<ArgumentException>().WithParameterName("blockId");
    }

    [Fact]
    public void TextObject_Empty_Throws()
    {
        var act = () => new MarkdownText(string.Empty);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void SlackMessageBuilder_FiftyBlocks_Builds()
    {
        var builder = new SlackMessageBuilder("ok");
        for (var i = 0; i < SlackLimits.MessageBlocks; i++)
        {
            builder.Divider();
        }

        builder.Build().Blocks.Should().HaveCount(50);
    }

    [Fact]
    public void SlackMessageBuilder_FiftyOneBlocks_ThrowsWithAdvice()
    {
        var builder = new SlackMessageBuilder("too many");
        for (var i = 0; i <= SlackLimits.MessageBlocks; i++)
        {
            builder.Divider();
        }

        builder.Invoking(b => b.Build()).Should().Throw<ArgumentException>().WithMessage("*at most 50 blocks*split*");
    }

    [Fact]
    public void SlackMessage_TextOver40000_Truncated()
    {
        new SlackMessage(new string('m', 40_001)).Text.Should().HaveLength(SlackLimits.MessageText);
    }

    [Fact]
    public void SlackMessage_NoTextNoBlocks_Throws()
    {
        var act = () => new SlackMessage(string.Empty);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ModalView_LongTitle_TruncatedTo24()
    {
        new ModalView(new string('t', 30), [new DividerBlock()]).Title.Text.Should().HaveLength(SlackLimits.ModalTitle);
    }

    [Fact]
    public void ModalView_InputWithoutSubmit_Throws()
    {
        var act = () => new ModalView("Reject", [new InputBlock("Reason", new PlainTextInputElement("reason"))]);

        act.Should().Throw<ArgumentException>().WithParameterName("submit");
    }

    [Fact]
    public void PlainTextInputElement_MaxLengthOver3000_Throws()
    {
        var act = () => new PlainTextInputElement("reason", maxLength: 3001);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
