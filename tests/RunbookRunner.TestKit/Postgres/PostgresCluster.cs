using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace RunbookRunner.TestKit.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: <c>initdb</c> into a temporary directory, <c>pg_ctl</c> start on
/// 127.0.0.1 and a random free port, unix socket inside the same directory. Disposing stops it and deletes
/// everything. Never skips: missing binaries or a failed start throw with the reason and the log location.
/// </summary>
public sealed partial class PostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private static int s_databaseCounter;

    private readonly SemaphoreSlim _sharedDatabaseGate = new(1, 1);
    private readonly PostgresClusterOptions _options;
    private readonly ClusterUser _user;
    private readonly string _root;
    private string? _sharedDatabase;
    private bool _running;
    private bool _disposed;

    private PostgresCluster(PostgresClusterOptions options, ClusterUser user, string root, int port)
    {
        _options = options;
        _user = user;
        _root = root;
        Port = port;
    }

    /// <summary>TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string SocketDirectory => Path.Combine(_root, "socket");

    /// <summary>The server log; named in every error.</summary>
    public string LogFile => Path.Combine(_root, "postgres.log");

    /// <summary>Superuser connection string to the <c>postgres</c> database.</summary>
    public string ConnectionString => BuildConnectionString("postgres");

    /// <summary>Creates the cluster and starts it. Throws <see cref="PostgresClusterException"/> when it cannot.</summary>
    public static async Task<PostgresCluster> StartNewAsync(PostgresClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresClusterOptions();
        foreach (var program in new[] { "initdb", "pg_ctl", "pg_isready" })
        {
            var path = Path.Combine(options.BinDirectory, program);
            if (!File.Exists(path))
            {
                throw new PostgresClusterException(
                    $"PostgreSQL binary '{path}' is missing. Install PostgreSQL 15 (apt-get install -y postgresql) " +
                    $"or point {PostgresClusterOptions.BinDirectoryVariable} at the directory holding initdb and pg_ctl.");
            }
        }

        var user = await ClusterUser.ResolveAsync(options, cancellationToken).ConfigureAwait(false);
        var root = Directory.CreateTempSubdirectory("rbk-pg-").FullName;
        var cluster = new PostgresCluster(options, user, root, FreePort());
        try
        {
            await cluster.InitAsync(cancellationToken).ConfigureAwait(false);
            await cluster.StartOnFreePortAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a database and returns its connection string (for per-test isolation).</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Database name '{name}' must match {DatabaseName()} (lowercase, digits, underscore).", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return BuildConnectionString(name);
    }

    /// <summary>Creates a database with a fresh unique name.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var number = Interlocked.Increment(ref s_databaseCounter);
        var name = string.Create(CultureInfo.InvariantCulture, $"t{number}_{Guid.NewGuid():N}")[..30];
        return CreateDatabaseAsync(name, cancellationToken);
    }

    /// <summary>
    /// Creates a fresh schema in a database shared by such callers and returns a connection string whose search
    /// path is that schema. Much cheaper than a database (CREATE DATABASE copies and syncs a template), so it
    /// suits per-test isolation; use <see cref="CreateDatabaseAsync(string, CancellationToken)"/> when a test changes
    /// database-wide settings.
    /// </summary>
    public async Task<string> CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        await _sharedDatabaseGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sharedDatabase ??= await CreateDatabaseAsync("shared_schemas", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sharedDatabaseGate.Release();
        }

        var number = Interlocked.Increment(ref s_databaseCounter);
        var schema = string.Create(CultureInfo.InvariantCulture, $"s{number}_{Guid.NewGuid():N}")[..30];
        await using (var connection = new NpgsqlConnection(_sharedDatabase))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(_sharedDatabase) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, committed data stays).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_running)
        {
            return;
        }

        var result = await PgCtlAsync(["stop", "-m", "fast"], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            result = await PgCtlAsync(["stop", "-m", "immediate"], cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw Failure($"pg_ctl stop failed (exit {result.ExitCode}): {result.Output}");
            }
        }

        _running = false;
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts a stopped server on the same port, so existing connection strings stay valid.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_running)
        {
            return;
        }

        var result = await StartOnceAsync(cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw Failure($"pg_ctl start on port {Port} failed (exit {result.ExitCode}): {result.Output}");
        }

        await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops and starts the server (for fault tests: clients see their connections drop).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _sharedDatabaseGate.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open must not hide the real outcome of the test run; the OS cleans temp.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Timeout = 15,
        CommandTimeout = 60,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        await _user.TakeOwnershipAsync(_root, cancellationToken).ConfigureAwait(false);
        var result = await _user.RunAsync(
            Path.Combine(_options.BinDirectory, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            _options.StartTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new PostgresClusterException($"initdb into '{DataDirectory}' failed (exit {result.ExitCode}): {result.Output}");
        }

        // Settings live in an included file so a restart on another port only rewrites that file.
        await File.AppendAllTextAsync(
            Path.Combine(DataDirectory, "postgresql.conf"), "\ninclude 'runbook-test.conf'\n", cancellationToken).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    private async Task StartOnFreePortAsync(CancellationToken cancellationToken)
    {
        // The free port may be taken between probing and binding; try a few fresh ones.
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var result = await StartOnceAsync(cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            var log = ReadLogTail();
            if (attempt == attempts || !log.Contains("could not bind", StringComparison.Ordinal))
            {
                throw Failure($"pg_ctl start on port {Port} failed (exit {result.ExitCode}): {result.Output}");
            }

            Port = FreePort();
        }
    }

    private async Task<ProcessResult> StartOnceAsync(CancellationToken cancellationToken)
    {
        var settings = new StringBuilder()
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {Port}")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{SocketDirectory}'")
            .AppendLine(CultureInfo.InvariantCulture, $"fsync = {(_options.Fsync ? "on" : "off")}")
            .AppendLine(CultureInfo.InvariantCulture, $"synchronous_commit = {(_options.SynchronousCommit ? "on" : "off")}")
            .AppendLine(CultureInfo.InvariantCulture, $"max_connections = {_options.MaxConnections}")
            .AppendLine("logging_collector = off")
            .AppendLine("log_min_messages = warning")
            .ToString();
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "runbook-test.conf"), settings, cancellationToken).ConfigureAwait(false);
        var result = await PgCtlAsync(["start", "-l", LogFile], cancellationToken).ConfigureAwait(false);
        _running = result.ExitCode == 0;
        return result;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        // pg_ctl -w already waited; a real connection proves TCP and authentication work too.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < _options.StartTimeout)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException ex)
            {
                last = ex;
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }

        throw Failure($"the server did not accept connections on 127.0.0.1:{Port} within {_options.StartTimeout.TotalSeconds:0} s: {last?.Message}");
    }

    private Task<ProcessResult> PgCtlAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var seconds = ((int)_options.StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return _user.RunAsync(
            Path.Combine(_options.BinDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-w", "-t", seconds, .. command],
            _options.StartTimeout + TimeSpan.FromSeconds(10),
            cancellationToken);
    }

    private PostgresClusterException Failure(string what) =>
        new($"Test PostgreSQL cluster in '{_root}': {what}\nServer log '{LogFile}' ends with:\n{ReadLogTail()}");

    private string ReadLogTail()
    {
        try
        {
            var text = File.ReadAllText(LogFile);
            return text.Length > 4000 ? text[^4000..] : text;
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // Last resort when a test host exits without disposing fixtures: never leave a server behind.
        if (_running)
        {
            _ = PgCtlAsync(["stop", "-m", "immediate"], CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
