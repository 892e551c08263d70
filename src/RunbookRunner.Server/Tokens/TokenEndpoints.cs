using Microsoft.AspNetCore.Http.HttpResults;
using RunbookRunner.Contracts.Tokens;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Authentication;
using RunbookRunner.Server.Authorization;
using RunbookRunner.Server.Problems;

namespace RunbookRunner.Server.Tokens;

/// <summary><c>/api/tokens</c> (admin): create (the secret is shown once), list, revoke. Every change is audited.</summary>
public static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokenEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tokens = api.MapGroup("/tokens").WithTags("Tokens").RequireAuthorization(RunbookPolicies.Admin);
        tokens.MapPost("/", CreateAsync).WithMetadata(new AuditActionMetadata("token.create"));
        tokens.MapGet("/", ListAsync).WithMetadata(new AuditActionMetadata("token.list"));
        tokens.MapDelete("/{tokenId}", RevokeAsync).WithMetadata(new AuditActionMetadata("token.revoke"));
        return api;
    }

    public static TokenDto ToDto(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new TokenDto
        {
            Id = token.Id,
            Name = token.Name,
            Role = RoleNames.ToApi(token.Role),
            SlackUser = token.SlackUser,
            CreatedAt = token.CreatedAt,
            RevokedAt = token.RevokedAt,
        };
    }

    private static async Task<Results<Created<CreatedTokenDto>, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, HttpContext context, ITokenStore tokens, IAuditStore audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return ApiProblems.InvalidRequest("'name' must be 1 to 100 characters");
        }

        if (!Enum.IsDefined(request.Role))
        {
            return ApiProblems.InvalidRequest("'role' must be viewer, operator, approver or admin");
        }

        var caller = ApiCaller.From(context);
        var slackUser = string.IsNullOrWhiteSpace(request.SlackUser) ? null : request.SlackUser.Trim();
        var created = await tokens.CreateAsync(request.Name.Trim(), RoleNames.ToStore(request.Role), slackUser, cancellationToken);
        await audit.AppendAsync(
            new NewAuditEntry
            {
                Actor = caller.ActorId,
                Source = AuditSources.Of(caller.Source),
                Action = "token.create",
                Outcome = AuditOutcome.Allowed,
                Detail = $"{created.Token.Id} '{created.Token.Name}' role {RoleNames.Of(created.Token.Role)}{(slackUser is null ? "" : $" as {slackUser}")}",
            },
            cancellationToken);
        return TypedResults.Created($"/api/tokens/{created.Token.Id}", new CreatedTokenDto(ToDto(created.Token), created.Plaintext));
    }

    private static async Task<Ok<IReadOnlyList<TokenDto>>> ListAsync(ITokenStore tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<TokenDto>>([.. (await tokens.ListAsync(cancellationToken)).Select(ToDto)]);

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string tokenId, HttpContext context, ITokenStore tokens, IAuditStore audit, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync(tokenId, cancellationToken))
        {
            return ApiProblems.Create(StatusCodes.Status404NotFound, Contracts.Problems.ProblemCodes.NotFound, "No such token", $"there is no active token '{tokenId}'");
        }

        var caller = ApiCaller.From(context);
        await audit.AppendAsync(
            new NewAuditEntry
            {
                Actor = caller.ActorId,
                Source = AuditSources.Of(caller.Source),
                Action = "token.revoke",
                Outcome = AuditOutcome.Allowed,
                Detail = tokenId,
            },
            cancellationToken);
        return TypedResults.NoContent();
    }
}
