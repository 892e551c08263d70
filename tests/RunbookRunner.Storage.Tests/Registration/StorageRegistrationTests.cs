using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Migrations;
using RunbookRunner.TestKit.Time;
using Xunit;

namespace RunbookRunner.Storage.Tests.Registration;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rbk-di-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task AddRunbookStorage_SqliteStore_ResolvesEveryPortOverOneDatabaseWithTheRegisteredClock()
    {
        var time = new ManualTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddRunbookStorage("sqlite:" + Path.Combine(_directory.FullName, "nested", "r.db"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        var token = await provider.GetRequiredService<ITokenStore>().CreateAsync("ci", TokenRole.Viewer);

        (await provider.GetRequiredService<ITokenStore>().FindByTokenAsync(token.Plaintext))!.CreatedAt.Should().Be(time.GetUtcNow());
        provider.GetRequiredService<IRunStore>().Should().BeSameAs(provider.GetRequiredService<RunbookStorage>().Runs);
        new object[]
        {
            provider.GetRequiredService<IOutboxStore>(),
            provider.GetRequiredService<IStepLogStore>(),
            provider.GetRequiredService<IAuditStore>(),
            provider.GetRequiredService<IRunLeaseStore>(),
            provider.GetRequiredService<IStoreHealth>(),
        }.Should().OnlyContain(o => o != null);
        File.Exists(Path.Combine(_directory.FullName, "nested", "r.db")).Should().BeTrue();
    }

    [Fact]
    public void AddRunbookStorage_BadStoreValue_FailsAtRegistration()
    {
        var register = () => new ServiceCollection().AddRunbookStorage("redis:localhost");

        register.Should().Throw<FormatException>();
    }
}
