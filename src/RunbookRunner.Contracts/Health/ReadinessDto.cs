namespace RunbookRunner.Contracts.Health;

/// <summary><c>/readyz</c>: ready when the store answers and this node has resumed every unfinished run.</summary>
public sealed record ReadinessDto(bool Ready, string Node, string Store, string StoreDetail, bool RecoveryDone);
