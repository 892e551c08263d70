namespace RunbookRunner.Core.Persistence;

/// <summary>Store readiness for <c>/readyz</c>. Never throws for store failures: they are reported.</summary>
public interface IStoreHealth
{
    Task<StoreHealthReport> CheckAsync(CancellationToken cancellationToken = default);
}
