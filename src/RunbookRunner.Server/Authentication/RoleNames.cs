using RunbookRunner.Contracts.Tokens;
using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Server.Authentication;

/// <summary>Role names as claims and on the wire (<c>viewer</c>, <c>operator</c>, <c>approver</c>, <c>admin</c>).</summary>
public static class RoleNames
{
    public static string Of(TokenRole role) => role.ToString().ToLowerInvariant();

    public static TokenRole ToStore(ApiRole role) => role switch
    {
        ApiRole.Viewer => TokenRole.Viewer,
        ApiRole.Operator => TokenRole.Operator,
        ApiRole.Approver => TokenRole.Approver,
        ApiRole.Admin => TokenRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Role must be viewer, operator, approver or admin."),
    };

    public static ApiRole ToApi(TokenRole role) => role switch
    {
        TokenRole.Viewer => ApiRole.Viewer,
        TokenRole.Operator => ApiRole.Operator,
        TokenRole.Approver => ApiRole.Approver,
        TokenRole.Admin => ApiRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown token role."),
    };

    /// <summary>The role and every role above it (roles are cumulative).</summary>
    public static IReadOnlyList<string> AtLeast(TokenRole role) =>
        [.. Enum.GetValues<TokenRole>().Where(r => r >= role).Select(Of)];
}
