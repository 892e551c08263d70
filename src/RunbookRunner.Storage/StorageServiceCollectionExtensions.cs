using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Migrations;

namespace RunbookRunner.Storage;

/// <summary>Registers the storage ports for a store value.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RunbookStorage"/> and every port it implements (<see cref="IRunStore"/>,
    /// <see cref="IOutboxStore"/>, <see cref="IStepLogStore"/>, <see cref="IAuditStore"/>, <see cref="ITokenStore"/>,
    /// <see cref="IRunLeaseStore"/>, <see cref="INarrationStateStore"/>, <see cref="IStoreHealth"/>, <see cref="ISchemaMigrator"/>) as singletons over
    /// one database. Uses the registered <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="store"><c>sqlite:./runbook-runner.db</c> or <c>postgres:Host=...</c>; parsed now, so a bad value fails at start-up.</param>
    public static IServiceCollection AddRunbookStorage(this IServiceCollection services, string store) =>
        services.AddRunbookStorage(StoreConnection.Parse(store));

    /// <summary>Adds the stores on an already parsed (possibly <see cref="StoreConnection.Ephemeral"/>) connection.</summary>
    public static IServiceCollection AddRunbookStorage(this IServiceCollection services, StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => RunbookStorage.Open(connection, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().Runs);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().StepLogs);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().Audit);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().Tokens);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().Leases);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().NarrationState);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().Health);
        services.AddSingleton(sp => sp.GetRequiredService<RunbookStorage>().Migrator);
        return services;
    }
}
