using Microsoft.Data.Sqlite;
using Npgsql;

namespace RunbookRunner.Storage;

/// <summary>
/// A parsed <c>--store</c> value: <c>sqlite:&lt;path&gt;</c> (or <c>sqlite:Data Source=...</c>) and
/// <c>postgres:&lt;Npgsql connection string&gt;</c> (or <c>postgres://user:password@host:port/database</c>).
/// </summary>
public sealed record StoreConnection
{
    private StoreConnection(StoreProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public StoreProvider Provider { get; }

    /// <summary>The provider's own connection string (may hold a password: never log it, use <see cref="ToString"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// A throwaway store (a rehearsal's temporary journal) whose contents need not survive a power cut: SQLite
    /// commits without waiting for the disk. Every other store syncs each commit.
    /// </summary>
    public bool Ephemeral { get; private init; }

    /// <summary>This store, marked <see cref="Ephemeral"/>.</summary>
    public StoreConnection AsEphemeral() => new(Provider, ConnectionString) { Ephemeral = true };

    /// <summary>Parses a store value; throws <see cref="FormatException"/> naming the accepted forms.</summary>
    public static StoreConnection Parse(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var value = store.Trim();
        if (TryStripPrefix(value, "sqlite:", out var sqlite))
        {
            return new StoreConnection(StoreProvider.Sqlite, SqliteConnectionString(sqlite));
        }

        if (TryStripPrefix(value, "postgres:", out var postgres) || TryStripPrefix(value, "postgresql:", out postgres))
        {
            return new StoreConnection(StoreProvider.Postgres, PostgresConnectionString(postgres));
        }

        throw new FormatException(
            $"Store '{Describe(value)}' is not understood. Use 'sqlite:./runbook-runner.db' or 'postgres:Host=localhost;Database=runbook;Username=runbook;Password=...'.");
    }

    /// <summary>The store with any password removed, for logs and errors.</summary>
    public override string ToString()
    {
        if (Provider == StoreProvider.Sqlite)
        {
            return "sqlite:" + new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null };
        return "postgres:" + builder.ConnectionString;
    }

    private static bool TryStripPrefix(string value, string prefix, out string rest)
    {
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            rest = value[prefix.Length..];
            return true;
        }

        rest = string.Empty;
        return false;
    }

    private static string SqliteConnectionString(string rest)
    {
        if (rest.Length == 0)
        {
            throw new FormatException("Store 'sqlite:' needs a file path, e.g. 'sqlite:./runbook-runner.db'.");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = rest.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(rest)
                : new SqliteConnectionStringBuilder { DataSource = rest };
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Store 'sqlite:{rest}' is not a valid SQLite connection string: {ex.Message}", ex);
        }

        if (builder.DataSource.Length == 0 || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new FormatException("An in-memory SQLite store would lose every run; give a file path, e.g. 'sqlite:./runbook-runner.db'.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.Pooling = true;
        builder.ForeignKeys = true;
        return builder.ConnectionString;
    }

    private static string PostgresConnectionString(string rest)
    {
        try
        {
            var builder = rest.StartsWith("//", StringComparison.Ordinal) ? FromUri(rest) : new NpgsqlConnectionStringBuilder(rest);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new FormatException("Store 'postgres:' needs at least Host=..., e.g. 'postgres:Host=localhost;Database=runbook;Username=runbook'.");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Store 'postgres:...' is not a valid Npgsql connection string: {ex.Message}", ex);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUri(string rest)
    {
        if (!Uri.TryCreate("postgres:" + rest, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException("Store 'postgres://...' must look like 'postgres://user:password@host:5432/database'.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
        }

        return builder;
    }

    // Never echo a password back in an error message.
    private static string Describe(string value) =>
        value.Contains("password", StringComparison.OrdinalIgnoreCase) ? value.Split(':', 2)[0] + ":..." : value;
}
