namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>What <see cref="RunVerifier"/> found.</summary>
internal sealed record RunVerification(
    int Succeeded,
    int IdempotentReruns,
    int Events,
    IReadOnlyDictionary<string, int> ExecutionsByNode,
    IReadOnlyList<string> Problems)
{
    public string ExecutionsText => string.Join(", ", ExecutionsByNode.Select(kv => $"{kv.Key}: {kv.Value}"));
}
