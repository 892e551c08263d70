using System.Globalization;
using Npgsql;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Postgres;

/// <summary>
/// <c>sql</c>: runs inline <c>sql</c> or a list of <c>files</c> in ONE transaction (Npgsql): everything commits or
/// nothing does. Logs every statement that ran. Outputs: <c>rows_affected</c>, <c>statements</c>.
/// </summary>
public sealed class SqlAction : StepAction
{
    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("sql");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (connection, units) = Read(parameters, context.WorkingDirectory);
        var scripts = new List<(string Name, string Text)>();
        foreach (var unit in units)
        {
            if (unit.File is { } file)
            {
                if (!File.Exists(file))
                {
                    return ActionResult.Failure($"SQL file '{file}' does not exist", retryable: false);
                }

                scripts.Add((file, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)));
            }
            else
            {
                scripts.Add(("inline sql", unit.Text!));
            }
        }

        context.Log.Write($"connecting to {connection.Display()}; {scripts.Count} script(s) in one transaction");
        var dataSource = NpgsqlDataSource.Create(connection.ToNpgsql(applicationName: "runbook " + context.IdempotencyKey));
        await using (dataSource.ConfigureAwait(false))
        {
            var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (conn.ConfigureAwait(false))
            {
                var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (tx.ConfigureAwait(false))
                {
                    long rows = 0;
                    var statements = 0;
                    foreach (var (name, text) in scripts)
                    {
                        var parts = SqlScript.Split(text);
                        if (parts.Count == 0)
                        {
                            context.Log.Write($"{name}: no statements");
                        }

                        // One statement at a time: each is logged as it completes and a failure names its statement.
                        foreach (var sql in parts)
                        {
                            var command = new NpgsqlCommand(sql, conn, tx);
                            await using (command.ConfigureAwait(false))
                            {
                                int affected;
                                try
                                {
                                    affected = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                                }
                                catch (PostgresException ex)
                                {
                                    var message = $"{name}: {ex.SqlState}: {ex.MessageText} in `{FirstLine(sql)}`; the transaction was rolled back, nothing was changed";
                                    context.Log.Write("error: " + message);
                                    return ActionResult.Failure(message, retryable: ex.IsTransient);
                                }

                                statements++;
                                var verb = FirstWord(sql);
                                var counted = verb is "SELECT" or "WITH" && affected >= 0 ? 0 : Math.Max(0, affected);
                                rows += counted;
                                context.Log.Write($"{name}: {verb} ({Math.Max(0, affected)} rows) `{FirstLine(sql)}`");
                            }
                        }
                    }

                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                    context.Log.Write($"committed: {statements} statement(s), {rows} row(s) affected");
                    return ActionResult.Success(
                        $"{statements} statement(s) committed, {rows} row(s) affected",
                        new Dictionary<string, string>
                        {
                            ["rows_affected"] = rows.ToString(CultureInfo.InvariantCulture),
                            ["statements"] = statements.ToString(CultureInfo.InvariantCulture),
                        });
                }
            }
        }
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (connection, units) = Read(parameters, context.WorkingDirectory);
        foreach (var unit in units)
        {
            LogSimulated(context, unit.File is { } file
                ? $"would run {file} on {connection.Display()}{(File.Exists(file) ? string.Empty : " (file not found now)")}"
                : $"would run `{FirstLine(unit.Text!)}` on {connection.Display()}");
        }

        return Task.FromResult(ActionResult.Success(
            $"simulated: {units.Count} script(s) in one transaction on {connection.Display()}",
            new Dictionary<string, string> { ["rows_affected"] = "0", ["statements"] = "0" }));
    }

    private static (PostgresConnectionInfo Connection, IReadOnlyList<(string? File, string? Text)> Units) Read(ParameterReader p, string? directory)
    {
        p.RequireExactlyOne("sql", "files");
        var connection = PostgresConnectionInfo.Parse(p.RequiredString("connection"));
        if (p.Has("sql"))
        {
            return (connection, [(null, p.RequiredString("sql"))]);
        }

        var files = p.StringList("files");
        if (files.Count == 0)
        {
            throw new ActionParameterException("parameter 'files' must list at least one SQL file");
        }

        // Relative files sit next to the runbook, like the scripts of shell steps.
        return (connection, files.Select(f => ((string?)(directory is null ? f : Path.Combine(directory, f)), (string?)null)).ToList());
    }

    private static string FirstWord(string sql)
    {
        var trimmed = sql.TrimStart();
        var end = 0;
        while (end < trimmed.Length && char.IsLetter(trimmed[end]))
        {
            end++;
        }

        return trimmed[..end].ToUpperInvariant();
    }

    private static string FirstLine(string sql)
    {
        var line = sql.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= 100 ? line : line[..97] + "...";
    }
}
