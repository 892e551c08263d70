namespace RunbookRunner.Server.Authentication;

/// <summary>Names of the bearer-token scheme and its claims.</summary>
public static class TokenAuthenticationDefaults
{
    public const string Scheme = "RunbookToken";

    /// <summary>The Slack user a token acts as (absent when it has none).</summary>
    public const string SlackUserClaim = "runbook:slack_user";

    public const string TokenIdClaim = "runbook:token_id";
}
