using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;

namespace RunbookRunner.Actions.Postgres;

/// <summary>Finds <c>pg_dump</c> and <c>pg_restore</c>: the configured directory, Debian's newest versioned one, then PATH.</summary>
public sealed class PostgresTools
{
    private const string DebianRoot = "/usr/lib/postgresql";

    private readonly ActionsOptions _options;

    public PostgresTools(IOptions<ActionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>The full path of <paramref name="tool"/>, or an error that says where it looked and what to set.</summary>
    public string Locate(string tool)
    {
        if (_options.PostgresBinDirectory is { Length: > 0 } configured)
        {
            var path = Path.Combine(configured, tool);
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"{tool} is not in the configured Actions:PostgresBinDirectory '{configured}'.", path);
        }

        if (Directory.Exists(DebianRoot))
        {
            var versioned = Directory.EnumerateDirectories(DebianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version >= 0)
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault(File.Exists);
            if (versioned is not null)
            {
                return versioned;
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{tool} was not found in {DebianRoot}/N/bin or on PATH; install the PostgreSQL client or set Actions:PostgresBinDirectory.", tool);
    }
}
