using System.Text;

namespace RunbookRunner.Slack.Tests.Interactivity;

/// <summary>Interaction payloads shaped like Slack's documented examples (api.slack.com/reference/interaction-payloads).</summary>
internal static class SamplePayloads
{
    public const string BlockActions = """
        {
          "type": "block_actions",
          "user": { "id": "U01AAA", "username": "alice", "name": "alice", "team_id": "T0TEAM" },
          "api_app_id": "A0APP",
          "token": "deprecated-verification-token",
          "container": { "type": "message", "message_ts": "1700000001.000001", "channel_id": "C0WARROOM", "is_ephemeral": false },
          "trigger_id": "12345.98765.abcd2358fdea",
          "team": { "id": "T0TEAM", "domain": "acme" },
          "enterprise": null,
          "is_enterprise_install": false,
          "channel": { "id": "C0WARROOM", "name": "war-room" },
          "message": {
            "type": "message", "user": "U0BOT", "ts": "1700000001.000001", "thread_ts": "1700000000.000001",
            "text": "Approval needed: go-no-go",
            "blocks": [ { "type": "actions", "block_id": "approval:run-1", "elements": [ { "type": "button", "action_id": "approve", "text": { "type": "plain_text", "text": "Approve" }, "value": "run-1/go-no-go" } ] } ]
          },
          "state": { "values": {} },
          "response_url": "https://hooks.slack.com/actions/T0TEAM/123/abc",
          "actions": [
            { "action_id": "approve", "block_id": "approval:run-1", "text": { "type": "plain_text", "text": "Approve", "emoji": true },
              "value": "run-1/go-no-go", "style": "primary", "type": "button", "action_ts": "1700000010.123456" }
          ]
        }
        """;

    public const string ViewSubmission = """
        {
          "type": "view_submission",
          "team": { "id": "T0TEAM", "domain": "acme" },
          "user": { "id": "U01BBB", "username": "bob", "name": "bob", "team_id": "T0TEAM" },
          "api_app_id": "A0APP",
          "trigger_id": "12466734323.1395872398",
          "view": {
            "id": "V0VIEW", "type": "modal", "callback_id": "reject_reason", "private_metadata": "run-1/go-no-go", "hash": "156772938.1827394",
            "title": { "type": "plain_text", "text": "Reject" },
            "blocks": [],
            "state": {
              "values": {
                "reason_block": { "reason": { "type": "plain_text_input", "value": "P1 bug still open" } },
                "note_block": { "note": { "type": "plain_text_input", "value": null } },
                "severity_block": { "severity": { "type": "static_select", "selected_option": { "text": { "type": "plain_text", "text": "High" }, "value": "high" } } }
              }
            }
          }
        }
        """;

    public static byte[] FormBody(string payloadJson) => Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payloadJson));
}
