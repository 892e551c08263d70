using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace RunbookRunner.Benchmarks.Scenarios;

/// <summary>The durable-commit reference: pgbench, one single-row INSERT per transaction, on the engine's database.</summary>
internal static partial class Pgbench
{
    public static string Binary => Path.Combine(Environment.GetEnvironmentVariable("RUNBOOK_TEST_PG_BIN") ?? "/usr/lib/postgresql/15/bin", "pgbench");

    public static async Task<double> TpsAsync(string connectionString, string database, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS pgbench_single_row (id bigserial PRIMARY KEY, v int NOT NULL)", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var script = Path.Combine(Path.GetTempPath(), $"pgbench-insert-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, "INSERT INTO pgbench_single_row (v) VALUES (1);\n", cancellationToken).ConfigureAwait(false);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            var info = new ProcessStartInfo(Binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "-n", "-f", script, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, database,
            })
            {
                info.ArgumentList.Add(arg);
            }

            if (builder.Password is { } password)
            {
                info.Environment["PGPASSWORD"] = password;
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("pgbench did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var output = await stdout.ConfigureAwait(false);
            var match = Tps().Match(output);
            return process.ExitCode == 0 && match.Success
                ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {output} {await stderr.ConfigureAwait(false)}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
