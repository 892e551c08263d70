namespace RunbookRunner.Core.Model;

/// <summary>
/// How many approvers one role must supply (<c>required: { product: 1 }</c>). A person counts for one role only.
/// </summary>
public sealed record ApprovalQuota(string Role, int Count)
{
    /// <summary>Where the count is written (the map key), or the <c>required: all</c> scalar.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
