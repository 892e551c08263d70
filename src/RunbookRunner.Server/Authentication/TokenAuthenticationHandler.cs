using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Authentication;

/// <summary>
/// <c>Authorization: Bearer rbk_...</c> against the token store (hashed tokens). A token carries a role and
/// optionally the Slack user it acts as; both become claims.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ITokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header must be 'Bearer <token>'");
        }

        var token = header[Bearer.Length..].Trim();
        var found = token.Length is > 0 and < 200 ? await tokens.FindByTokenAsync(token, Context.RequestAborted) : null;
        if (found is null)
        {
            return AuthenticateResult.Fail("unknown or revoked token");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, found.Name),
            new(ClaimTypes.Role, RoleNames.Of(found.Role)),
            new(TokenAuthenticationDefaults.TokenIdClaim, found.Id),
        };
        if (found.SlackUser is { Length: > 0 } slack)
        {
            claims.Add(new Claim(TokenAuthenticationDefaults.SlackUserClaim, slack));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = Context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message;
        return ApiProblems.Create(
            StatusCodes.Status401Unauthorized,
            ProblemCodes.Unauthenticated,
            "Authentication required",
            failure is null
                ? "send 'Authorization: Bearer <token>'; create a token with 'runbook tokens create --role viewer'"
                : $"{failure}; create a token with 'runbook tokens create --role viewer'").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden", "this token's role may not do that").ExecuteAsync(Context);
}
