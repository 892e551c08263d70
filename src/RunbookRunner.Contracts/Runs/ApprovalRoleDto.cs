namespace RunbookRunner.Contracts.Runs;

/// <summary>
/// Progress of one role's count in an approval with per-role counts: who counts for it (a person counts for one
/// role only), of how many required, and everyone in the role.
/// </summary>
public sealed record ApprovalRoleDto(string Role, int Required, IReadOnlyList<string> CountedBy, IReadOnlyList<string> Members)
{
    /// <summary>Short form for people: <c>product 0/1</c>.</summary>
    public override string ToString() => $"{Role} {CountedBy.Count}/{Required}";
}
