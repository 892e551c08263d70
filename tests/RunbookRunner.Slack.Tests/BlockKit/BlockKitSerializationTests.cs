using FluentAssertions;
using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Slack.Tests.BlockKit;

public sealed class BlockKitSerializationTests
{
    [Fact]
    public void Serialize_SectionWithFieldsAndAccessory_UsesSlackShape()
    {
        var block = new SectionBlock(
            new MarkdownText("*Gate evidence*"),
            [new MarkdownText("*Open P0/P1*\n0"), new MarkdownText("*main*\ngreen")],
            ButtonElement.Danger("Abort", "abort", "run-1"),
            blockId: "evidence");

        var json = SlackJson.Serialize<Block>(block);

        JsonTestHelpers.Normalize(json).Should().Be(JsonTestHelpers.Normalize("""
            {"type":"section","block_id":"evidence",
             "text":{"type":"mrkdwn","text":"*Gate evidence*"},
             "fields":[{"type":"mrkdwn","text":"*Open P0/P1*\n0"},{"type":"mrkdwn","text":"*main*\ngreen"}],
             "accessory":{"type":"button","action_id":"abort","text":{"type":"plain_text","text":"Abort"},"value":"run-1","style":"danger"}}
            """));
    }

    [Fact]
    public void Serialize_MessageOfEveryBlockType_WritesTypeFirstAndOmitsNulls()
    {
        var message = new SlackMessageBuilder("fallback")
            .Header("Launch")
            .Section("text")
            .Fields("a", "b")
            .Context("ctx 1", "ctx 2")
            .Divider()
            .Actions(new ButtonElement("Done", "done"))
            .Build();

        var json = SlackJson.Serialize(message.Blocks);

        JsonTestHelpers.Normalize(json).Should().Be(JsonTestHelpers.Normalize("""
            [{"type":"header","text":{"type":"plain_text","text":"Launch"}},
             {"type":"section","text":{"type":"mrkdwn","text":"text"}},
             {"type":"section","fields":[{"type":"mrkdwn","text":"a"},{"type":"mrkdwn","text":"b"}]},
             {"type":"context","elements":[{"type":"mrkdwn","text":"ctx 1"},{"type":"mrkdwn","text":"ctx 2"}]},
             {"type":"divider"},
             {"type":"actions","elements":[{"type":"button","action_id":"done","text":{"type":"plain_text","text":"Done"}}]}]
            """));
        json.Should().StartWith("""[{"type":"header",""");
    }

    [Fact]
    public void Serialize_ConfirmDialogWithDangerStyle_IncludesStyle()
    {
        var dialog = new ConfirmationDialog("Roll back?", "Undo every completed step.", "Roll back", "Cancel", ButtonStyle.Danger);

        var json = SlackJson.Serialize(dialog);

        JsonTestHelpers.Normalize(json).Should().Be(JsonTestHelpers.Normalize("""
            {"title":{"type":"plain_text","text":"Roll back?"},"text":{"type":"plain_text","text":"Undo every completed step."},
             "confirm":{"type":"plain_text","text":"Roll back"},"deny":{"type":"plain_text","text":"Cancel"},"style":"danger"}
            """));
    }

    [Fact]
    public void Serialize_ModalWithInput_UsesSnakeCaseNames()
    {
        var modal = new ModalView(
            "Reject",
            [new InputBlock("Reason", new PlainTextInputElement("reason", "Why?", multiline: true, minLength: 3, maxLength: 500), hint: "Shown in the war room", blockId: "reason")],
            submit: "Reject",
            callbackId: "reject",
            privateMetadata: "run-1/deploy");

        var json = SlackJson.Serialize(modal);

        JsonTestHelpers.Normalize(json).Should().Be(JsonTestHelpers.Normalize("""
            {"type":"modal","title":{"type":"plain_text","text":"Reject"},
             "blocks":[{"type":"input","block_id":"reason","label":{"type":"plain_text","text":"Reason"},
                        "element":{"type":"plain_text_input","action_id":"reason","placeholder":{"type":"plain_text","text":"Why?"},"multiline":true,"min_length":3,"max_length":500},
                        "hint":{"type":"plain_text","text":"Shown in the war room"}}],
             "submit":{"type":"plain_text","text":"Reject"},"callback_id":"reject","private_metadata":"run-1/deploy"}
            """));
    }
}
