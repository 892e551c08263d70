using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RunbookRunner.Benchmarks.Slack;

/// <summary>An Approve button click as Slack sends it: form-encoded <c>payload</c>, signed with the signing secret.</summary>
internal static class SlackClick
{
    public static HttpRequestMessage Approve(string runId, string stepId, string userId, string signingSecret, Uri responseUrl, DateTimeOffset now)
    {
        var actionTs = (now.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", CultureInfo.InvariantCulture);
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = userId, username = "bench", team_id = "T-BENCH" },
            team = new { id = "T-BENCH" },
            api_app_id = "A-BENCH",
            trigger_id = $"trigger-{Guid.NewGuid():N}",
            container = new { type = "message", message_ts = "1700000000.000001", channel_id = "C-BENCH" },
            channel = new { id = "C-BENCH", name = "bench" },
            message = new { ts = "1700000000.000001", text = "approval" },
            response_url = responseUrl.ToString(),
            actions = new[]
            {
                new { action_id = "rr_approve", block_id = "approval", type = "button", value = $"{runId}|{stepId}", action_ts = actionTs },
            },
        });
        var body = "payload=" + Uri.EscapeDataString(payload);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/interactions", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }
}
