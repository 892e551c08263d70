namespace RunbookRunner.TestKit.Postgres;

/// <summary>
/// Who runs the cluster's programs: the current user, or (when the tests run as root, which PostgreSQL
/// refuses) a dedicated unprivileged user through <c>runuser</c>.
/// </summary>
internal sealed class ClusterUser
{
    private static readonly SemaphoreSlim CreateGate = new(1, 1);

    private ClusterUser(string? name) => Name = name;

    /// <summary>The user to switch to, or null to run programs directly.</summary>
    public string? Name { get; }

    public static async Task<ClusterUser> ResolveAsync(PostgresClusterOptions options, CancellationToken cancellationToken)
    {
        if (!IsRoot())
        {
            return new ClusterUser(null);
        }

        var name = options.OsUserWhenRoot;
        await CreateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await ExistsAsync(name, cancellationToken).ConfigureAwait(false))
            {
                var created = await ProcessRunner.RunAsync(
                    "useradd",
                    ["--system", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name],
                    TimeSpan.FromSeconds(30),
                    cancellationToken).ConfigureAwait(false);

                // Exit code 9: another test process created it at the same moment.
                if (created.ExitCode is not (0 or 9) || !await ExistsAsync(name, cancellationToken).ConfigureAwait(false))
                {
                    throw new PostgresClusterException(
                        $"Tests run as root and PostgreSQL refuses root, but creating the OS user '{name}' with useradd failed (exit {created.ExitCode}): {created.Output}");
                }
            }
        }
        finally
        {
            CreateGate.Release();
        }

        return new ClusterUser(name);
    }

    /// <summary>Runs <paramref name="program"/> as this user.</summary>
    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Name is null)
        {
            return ProcessRunner.RunAsync(program, arguments, timeout, cancellationToken);
        }

        return ProcessRunner.RunAsync("runuser", ["-u", Name, "--", program, .. arguments], timeout, cancellationToken);
    }

    /// <summary>Hands a directory tree created by the test process to this user.</summary>
    public async Task TakeOwnershipAsync(string path, CancellationToken cancellationToken)
    {
        if (Name is null)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync("chown", ["-R", $"{Name}:", path], TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new PostgresClusterException($"chown of '{path}' to '{Name}' failed (exit {result.ExitCode}): {result.Output}");
        }
    }

    // .NET reports the effective user's name on Unix.
    private static bool IsRoot() => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("id", ["-u", name], TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }
}
