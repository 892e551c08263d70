namespace RunbookRunner.Core.Runs.State;

/// <summary>How far one role's quota of an approval is: who counts for it, of how many required.</summary>
public sealed record RoleProgress(string Role, IReadOnlyList<string> CountedBy, int Required)
{
    public bool Met => CountedBy.Count >= Required;
}
