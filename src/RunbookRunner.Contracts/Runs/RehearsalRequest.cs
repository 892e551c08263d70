namespace RunbookRunner.Contracts.Runs;

/// <summary>Rehearsal settings: steps to fail (<c>smoke</c>, or <c>smoke:1</c> for the first attempt only), approvals granted by themselves.</summary>
public sealed record RehearsalRequest
{
    public IReadOnlyList<string> Fail { get; init; } = [];

    public bool ApproveAll { get; init; }
}
