using Microsoft.Extensions.Options;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Server.Configuration;
using RunbookRunner.Storage.Migrations;

namespace RunbookRunner.Server.Hosting;

/// <summary>
/// Brings the store's schema up to date before anything else starts (it is registered first, and hosted
/// services start in order). A store that is down at start-up is retried until <see cref="ServerOptions.StartupTimeout"/>.
/// </summary>
internal sealed class StoreMigrationService(
    ISchemaMigrator migrator, TimeProvider time, IOptions<ServerOptions> options, ILogger<StoreMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.StartupTimeout;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                var applied = await migrator.MigrateAsync(cancellationToken);
                if (applied.Count > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Store schema migrated to version {Version}", applied[^1]);
                }

                return;
            }
            catch (StorageException ex) when (ex.IsTransient && time.GetUtcNow() + delay < deadline)
            {
                logger.LogWarning("Store not reachable yet, retrying in {Delay}: {Error}", delay, ex.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
