using RunbookRunner.Engine;
using RunbookRunner.Server.Configuration;

namespace RunbookRunner.Server.Hosting;

/// <summary>Returned by <see cref="ServerServiceCollectionExtensions.AddRunbookServer"/>: the services, the engine's builder and the bound options.</summary>
public sealed class RunbookServerBuilder(IServiceCollection services, EngineBuilder engine, ServerOptions options)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>The engine's builder, for choices beyond the defaults.</summary>
    public EngineBuilder Engine { get; } = engine;

    /// <summary>The options as bound at registration (the store and node id are fixed from here on).</summary>
    public ServerOptions Options { get; } = options;
}
